import type { OpenAPIObject } from '@nestjs/swagger';

/** ExecuteCommands: a custom method in the manner of AIP-136. */
export const BATCH_PATH = '/v1/commands:batch';
export const BATCH_VERB = ':batch';
/** As the router sees it: `commands` followed by a parameter (which must be `:batch`). */
export const BATCH_ROUTE = 'v1/commands:verb';
/** As the OpenAPI document would write the route, before declareBatchPath puts it right. */
const BATCH_ROUTE_IN_DOCUMENT = '/v1/commands{verb}';

/** The document names the one path the route serves, without the router's parameter. */
export const declareBatchPath = (document: OpenAPIObject): OpenAPIObject => {
  const item = document.paths[BATCH_ROUTE_IN_DOCUMENT];
  if (!item?.post) return document;
  item.post.parameters = (item.post.parameters ?? []).filter(
    (parameter) => !('name' in parameter) || parameter.name !== 'verb',
  );
  const { [BATCH_ROUTE_IN_DOCUMENT]: _router, ...paths } = document.paths;
  return { ...document, paths: { ...paths, [BATCH_PATH]: item } };
};
