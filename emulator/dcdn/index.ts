/** Alibaba Cloud DCDN (2018-01-15) as the Alibaba module serves it. See ../alibaba/README.md. */
import type { ProductDef } from "../alibaba/types";
import { DCDN_ERRORS } from "./errors";
import { DCDN } from "./models";
import { DCDN_ROUTES } from "./routes";
import { DCDN_VARIANTS } from "./variants";

/** The DCDN product definition. */
export const dcdnProduct: ProductDef = { ...DCDN, routes: DCDN_ROUTES, errors: DCDN_ERRORS, variants: DCDN_VARIANTS };
