// The trainer's results as JS values, shared by the single-label (bind_learn.cpp) and one-vs-rest
// (bind_one_vs_rest.cpp) bindings: the same fields, so the JS side reads both one way.
#pragma once

#include "learn/learn.hpp"
#include "wasm/marshal.hpp"

namespace labelscope::wasm {

// probs, numExamples, numClasses, folds (per-fold rows, accuracy, log loss, iterations),
// foldsUsed, c and notes of a cross-validation run.
inline val cross_val_out(const learn::CrossValResult& r) {
    val folds = val::array();
    for (std::size_t f = 0; f < r.folds.size(); ++f) {
        val fold = val::object();
        fold.set("trainRows", static_cast<double>(r.folds[f].train_rows));
        fold.set("testRows", static_cast<double>(r.folds[f].test_rows));
        fold.set("accuracy", r.folds[f].accuracy);
        fold.set("logLoss", r.folds[f].log_loss);
        fold.set("iterations", r.folds[f].iterations);
        folds.set(f, fold);
    }
    val res = val::object();
    res.set("probs", out(r.probs));
    res.set("numExamples", static_cast<double>(r.rows));
    res.set("numClasses", static_cast<double>(r.num_classes));
    res.set("folds", folds);
    res.set("foldsUsed", r.folds_used);
    res.set("c", r.c_used);
    res.set("notes", strings_out(r.notes));
    return res;
}

// Which columns were used how (the `features` field of a cross-validation result).
inline val feature_report_out(const learn::FeatureReport& report, const learn::Features& features) {
    val used = val::object();
    used.set("used", strings_out(report.used));
    used.set("droppedConstant", strings_out(report.dropped_constant));
    used.set("oneHot", strings_out(report.one_hot));
    used.set("notes", strings_out(report.notes));
    used.set("denseColumns", static_cast<double>(features.dense_cols()));
    used.set("textColumns", static_cast<double>(features.text_cols()));
    return used;
}

}  // namespace labelscope::wasm
