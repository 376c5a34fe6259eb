/**
 * The Alibaba Cloud family of the emulator: the module that serves CDN, DCDN and ESA (module.ts) and the behaviour the
 * three products share (signatures, parameters, errors, task store, listing, time formats). See README.md.
 */
export { alibabaModule, PRODUCTS } from "./module";
export type { AlibabaProduct, ProductDef } from "./types";
