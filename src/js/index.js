// @ts-check
// labelscope: find likely label errors from given labels and out-of-sample predicted probabilities.
export { LabelScopeError } from './errors.js';
export { createLabelScope, Dataset, LabelScope } from './labelscope.js';
export { createLabelScopeWorker } from './worker-client.js';
export { MultiLabelDataset } from './multilabel.js';
