export { compareVersions, type Comparison } from "./compare";
export { prepareRestore, restoreVersion, type RestoreResult } from "./restore";
export { getVersion, listVersions, saveVersion, snapshotProject, type VersionSummary } from "./store";
