// The nearby check ("附近已有同类问题"), its panel and its thanks, loaded by the filing island when
// it asks rather than with the page: most residents never see the panel, and the check never
// blocks filing, so a failed load only skips it.
export { nearbyCases } from "../../lib/complaints/api";
export { NearbyCases } from "./NearbyCases";
export { SupportThanks } from "./SupportThanks";
