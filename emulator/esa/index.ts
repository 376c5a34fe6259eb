/** Alibaba Cloud ESA (2024-09-10) as the Alibaba module serves it. See ../alibaba/README.md. */
import type { ProductDef } from "../alibaba/types";
import { ESA_ERRORS } from "./errors";
import { ESA } from "./models";
import { ESA_ROUTES } from "./routes";
import { ESA_VARIANTS } from "./variants";

/** The ESA product definition. */
export const esaProduct: ProductDef = { ...ESA, routes: ESA_ROUTES, errors: ESA_ERRORS, variants: ESA_VARIANTS };
