import { writeFile } from 'node:fs/promises';
import { SCHEMA_FILE, renderApiTypes, servedDocument } from './api-types.js';

/** npm run client:generate: writes the client's types from the document the service serves. */
const source = await renderApiTypes(await servedDocument());
await writeFile(SCHEMA_FILE, source);
console.log(`wrote ${SCHEMA_FILE} (${source.split('\n').length} lines)`);
