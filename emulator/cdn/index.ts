/** Alibaba Cloud CDN (2018-05-10) as the Alibaba module serves it. See ../alibaba/README.md. */
import type { ProductDef } from "../alibaba/types";
import { CDN_ERRORS } from "./errors";
import { CDN } from "./models";
import { CDN_ROUTES } from "./routes";
import { CDN_VARIANTS } from "./variants";

/** The CDN product definition. */
export const cdnProduct: ProductDef = { ...CDN, routes: CDN_ROUTES, errors: CDN_ERRORS, variants: CDN_VARIANTS };
