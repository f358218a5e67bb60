export * from "./enums";
export * from "./users";
export * from "./organizations";
export * from "./projects";
export * from "./graph";
export * from "./history";
export * from "./analysis";
export * from "./templates";
