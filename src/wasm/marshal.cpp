// Out of memory: operator new is replaced (same behaviour: malloc, std::bad_alloc on failure) only
// to remember the failed request, so the out_of_memory error can say how much memory the step needed.
#include <emscripten/heap.h>
#include <malloc.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <new>
#include <string>

#include "wasm/marshal.hpp"

// ---- out of memory ------------------------------------------------------------------------------
// operator new is replaced (same behaviour: malloc, std::bad_alloc on failure) only to remember the
// failed request, so the out_of_memory error can say how much memory the step needed.
namespace {
struct FailedAllocation {
    std::size_t requested = 0;  // bytes of the allocation that failed
    std::size_t in_use = 0;     // bytes allocated at that moment
    std::size_t top_free = 0;   // free bytes in the allocator's topmost chunk
    std::size_t heap_end = 0;   // end of the allocator's memory (sbrk(0))
    std::size_t heap = 0;       // WebAssembly memory size
};
FailedAllocation last_failed_allocation;
}  // namespace

void* operator new(std::size_t size) {
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    const struct mallinfo m = mallinfo();
    last_failed_allocation = {size, static_cast<unsigned>(m.uordblks), static_cast<unsigned>(m.keepcost),
                              reinterpret_cast<std::size_t>(sbrk(0)), emscripten_get_heap_size()};
    throw std::bad_alloc();
}

namespace {

std::string megabytes(double bytes, bool round_up) {
    const double mb = bytes / 1e6;
    return std::to_string(static_cast<long long>(round_up ? std::ceil(mb) : std::floor(mb))) + " MB";
}

}  // namespace

std::string labelscope::wasm::out_of_memory_message(bool float32) {
    const FailedAllocation f = last_failed_allocation;
    last_failed_allocation = {};
    const std::string advice =
        std::string(float32 ? "Use fewer examples or classes (the probabilities are float32 already)."
                            : "Use fewer examples or classes, or keep the probabilities as float32 (the float32 "
                              "option of readDataset, or a Float32Array), which halves their memory.") +
        " In a browser, closing other tabs can also help.";
    if (f.requested == 0)  // not from operator new: no size to report
        return "Not enough memory: WebAssembly memory could not grow past " +
               megabytes(static_cast<double>(emscripten_get_heap_size()), false) + " (the limit here is " +
               megabytes(static_cast<double>(emscripten_get_heap_max()), false) + "). " + advice;
    // The memory size the failed allocation needed. dlmalloc first extends its topmost free chunk
    // (if that chunk ends the heap); had that fitted in the memory there was, the chunk did not end
    // the heap and the allocation needed a fresh block after it.
    const double end = static_cast<double>(f.heap_end), request = static_cast<double>(f.requested);
    const double extended = end + request - static_cast<double>(std::min(f.top_free, f.requested));
    const double needed = extended <= static_cast<double>(f.heap) ? end + request : extended;
    return "Not enough memory: this step needed at least " + megabytes(needed, true) +
           " of WebAssembly memory (one allocation of " + megabytes(request, true) + " with " +
           megabytes(static_cast<double>(f.in_use), true) + " in use), but memory could not grow past " +
           megabytes(static_cast<double>(f.heap), false) + " (the limit here is " +
           megabytes(static_cast<double>(emscripten_get_heap_max()), false) + "). " + advice;
}

// ---- result objects shared by the bindings ------------------------------------------------------

namespace labelscope::wasm {

val class_quality_out(const std::vector<ClassQuality>& classes) {
    val a = val::array();
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const ClassQuality& q = classes[i];
        val r = val::object();
        r.set("classIndex", q.class_index);
        r.set("labelIssues", static_cast<double>(q.label_issues));
        r.set("inverseLabelIssues", static_cast<double>(q.inverse_label_issues));
        r.set("labelNoise", q.label_noise);
        r.set("inverseLabelNoise", q.inverse_label_noise);
        r.set("labelQualityScore", q.label_quality_score);
        a.set(i, r);
    }
    return a;
}

val text_columns_out(const std::vector<io::TextColumn>& columns) {
    val a = val::array();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        val col = val::object();
        col.set("name", columns[c].name);
        col.set("values", strings_out(columns[c].values));
        a.set(c, col);
    }
    return a;
}

// One typed array per field; src/js/records.js makes the objects (four property sets per pair,
// 4,950 pairs at K = 100, each call through Emscripten's exception trampolines).
val overlaps_out(const std::vector<ClassOverlap>& pairs) {
    const std::size_t n = pairs.size();
    std::vector<std::int32_t> class_a(n), class_b(n);
    std::vector<double> count(n), joint(n);
    for (std::size_t i = 0; i < n; ++i) {
        class_a[i] = pairs[i].class_a;
        class_b[i] = pairs[i].class_b;
        count[i] = static_cast<double>(pairs[i].num_overlapping_examples);
        joint[i] = pairs[i].joint_probability;
    }
    val columns = val::object();
    columns.set("classA", out(class_a));
    columns.set("classB", out(class_b));
    columns.set("numOverlappingExamples", out(count));
    columns.set("jointProbability", out(joint));
    return columns;
}

val sparse_out(const SparseMatrix& m) {
    val shape = val::array();
    shape.set(0, static_cast<double>(m.rows));
    shape.set(1, static_cast<double>(m.cols));
    val matrix = val::object();
    matrix.set("shape", shape);
    matrix.set("row", out(m.row));
    matrix.set("col", out(m.col));
    matrix.set("value", out(m.value));
    return matrix;
}

val latent_out(val o, const LatentEstimates& l) {
    o.set("py", list(l.py));
    o.set("noiseMatrix", matrix_out(l.noise_matrix));
    o.set("inverseNoiseMatrix", matrix_out(l.inverse_noise_matrix));
    return o;
}

val report_out(const Report& rep, const LabelProbabilities& probs, const AuditOptions& a) {
    val r = val::object();
    r.set("numExamples", static_cast<double>(rep.num_examples));
    r.set("numClasses", static_cast<double>(rep.num_classes));
    r.set("filterBy", std::string(to_string(a.find.filter_by)));
    r.set("rankBy", a.rank_by ? std::string(to_string(a.rank_by->method)) : std::string("none"));
    r.set("issues", out(rep.issues));
    r.set("isLabelIssue", out(rep.is_label_issue));
    r.set("labelQuality", out(rep.label_quality));
    r.set("suggestedLabel", out(rep.suggested_label));
    r.set("confidentJointLabel", out(rep.confident_joint_label));
    r.set("predictedLabel", out(rep.predicted_label));
    r.set("givenProbability", out(probs.given));
    r.set("suggestedProbability", out(probs.suggested));
    r.set("labelCounts", list(rep.label_counts));
    r.set("thresholds", list(rep.thresholds));
    if (rep.matrices == MatrixForm::full) {
        r.set("confidentJoint", matrix_out(rep.confident_joint));
        r.set("confidentJointUncalibrated", matrix_out(rep.confident_joint_uncalibrated));
        r.set("joint", matrix_out(rep.joint));
        latent_out(r, rep.latent);
    } else {
        r.set("matrices", std::string(to_string(rep.matrices)));
        if (rep.matrices == MatrixForm::sparse) {
            r.set("confidentJoint", sparse_out(rep.sparse.confident_joint));
            r.set("confidentJointUncalibrated", sparse_out(rep.sparse.confident_joint_uncalibrated));
            r.set("joint", sparse_out(rep.sparse.joint));
        }
        r.set("py", list(rep.latent.py));
        if (rep.matrices == MatrixForm::sparse) {
            r.set("noiseMatrix", sparse_out(rep.sparse.noise_matrix));
            r.set("inverseNoiseMatrix", sparse_out(rep.sparse.inverse_noise_matrix));
        }
    }
    r.set("numLabelIssues", static_cast<double>(rep.num_label_issues));
    r.set("healthScore", rep.health_score);
    r.set("classQuality", class_quality_out(rep.class_quality));
    r.set("overlappingClasses", overlaps_out(rep.overlapping_classes));
    r.set("warnings", warnings_out(rep.warnings));
    return r;
}

}  // namespace labelscope::wasm
