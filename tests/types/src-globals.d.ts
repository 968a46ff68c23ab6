// Globals the JS API tests for at run time that lib.dom does not declare (it runs on the page, in
// a worker and under Node). Used by tsconfig.src.json only.
declare var WorkerGlobalScope: { new (): unknown; prototype: unknown } | undefined;
