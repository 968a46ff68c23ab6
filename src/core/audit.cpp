#include "audit.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "filter.hpp"
#include "label_classes.hpp"
#include "num_issues.hpp"
#include "numeric.hpp"
#include "parallel.hpp"
#include "scores.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

MatrixForm parse_matrix_form(const std::string& name) {
    if (name == "full") return MatrixForm::full;
    if (name == "sparse") return MatrixForm::sparse;
    if (name == "none") return MatrixForm::none;
    throw LabelScopeError(ErrorCode::invalid_option,
                          "matrices must be 'full', 'sparse' or 'none'; got '" + name + "'.");
}

const char* to_string(MatrixForm form) {
    switch (form) {
        case MatrixForm::sparse: return "sparse";
        case MatrixForm::none: return "none";
        default: return "full";
    }
}

namespace {

// A K x K result into the report as the form asks (moved, made sparse, or dropped); `m` is left empty.
template <class T>
void keep_matrix(MatrixForm form, Matrix<T>& m, Matrix<T>& dense, SparseMatrix& sparse) {
    if (form == MatrixForm::full) dense = std::move(m);
    if (form == MatrixForm::sparse) sparse = sparse_of(m);
    m = Matrix<T>{};
}

}  // namespace

template <class T>
AuditRun<T>::AuditRun(LabelsView labels, ProbsView<T> probs, const AuditOptions& options)
    : labels_(labels), probs_(probs), options_(options) {}

template <class T>
void AuditRun<T>::step() {
    if (done()) return;
    const LabelsView labels = labels_;
    const ProbsView<T> probs = probs_;
    const std::size_t n = probs.rows, k = probs.cols;
    Report& r = r_;
    switch (stage_) {
        case 0:  // checks: inputs, then options (the order errors are reported in)
            if (options_.values_validated)
                require_two_label_classes(labels);
            else
                r.warnings = validate_inputs(labels, probs);
            validate_find_options(options_.find, k);
            score_ = options_.rank_by.value_or(ScoreOptions{});
            validate_score_options(score_);
            r.num_examples = n;
            r.num_classes = k;
            break;
        case 1:  // shared steps, computed once
            r.label_counts = label_counts(labels, k);
            r.thresholds = confident_thresholds(labels, probs);
            break;
        case 2: {
            cj_ = compute_confident_joint(labels, probs, r.thresholds);
            // The uncalibrated joint is only reported: kept sparse or dropped now (the report's
            // dense copies are moved in at the end).
            if (options_.matrices == MatrixForm::sparse)
                r.sparse.confident_joint_uncalibrated = sparse_of(cj_.uncalibrated);
            if (options_.matrices != MatrixForm::full) cj_.uncalibrated = CountMatrix{};
            const Warnings method_warnings = find_issues_warnings(r.label_counts, options_.find);
            r.warnings.insert(r.warnings.end(), method_warnings.begin(), method_warnings.end());
            break;
        }
        case 3: r.is_label_issue = find_label_issues_from(labels, probs, options_.find, r.label_counts, cj_); break;
        case 4:
            r.label_quality = label_quality_scores(labels, probs, score_, r.thresholds);
            r.issues = mask_to_indices(r.is_label_issue);
            if (options_.rank_by) sort_by_score(r.issues, r.label_quality);
            break;
        case 5: {
            r.confident_joint_label = std::move(cj_.guess);
            // Row by row, in pieces on the helper threads (src/core/parallel.hpp); on one thread
            // appended, with no zero-fill first (a memset, slow in WebAssembly).
            constexpr std::size_t MIN_VALUES_PER_PIECE = std::size_t{1} << 18;
            const std::size_t pieces = tiered_pieces(parallel_pieces(n, n * k, MIN_VALUES_PER_PIECE), n, n * k);
            const auto predicted = [&](std::size_t i) {
                return static_cast<std::int32_t>(argmax_first(probs.row(i), k));
            };
            const auto suggested = [&](std::size_t i) {
                const std::int32_t guess = r.confident_joint_label[i];
                return guess >= 0 ? guess : r.predicted_label[i];
            };
            if (pieces <= 1 || parallel_threads() < 2) {  // every piece on this thread, in order
                r.predicted_label.reserve(n);
                r.suggested_label.reserve(n);
                run_pieces(pieces, [&](std::size_t p) {
                    for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i) {
                        r.predicted_label.push_back(predicted(i));
                        r.suggested_label.push_back(suggested(i));
                    }
                });
            } else {
                r.predicted_label.resize(n);
                r.suggested_label.resize(n);
                run_pieces(pieces, [&](std::size_t p) {
                    for (std::size_t i = piece_begin(n, pieces, p), end = piece_begin(n, pieces, p + 1); i < end; ++i) {
                        r.predicted_label[i] = predicted(i);
                        r.suggested_label[i] = suggested(i);
                    }
                });
            }
            const auto n64 = static_cast<std::int64_t>(n);
            const MatrixForm form = options_.matrices;
            r.matrices = form;
            r.num_label_issues = count_off_diagonal_issues(labels, probs, cj_);
            r.health_score = overall_label_health_score(r.num_label_issues, n64);
            // One K x K matrix of doubles at a time beside the calibrated joint, each kept (full),
            // made sparse or dropped before the next.
            RealMatrix joint = estimate_joint_from_confident_joint(cj_.calibrated, r.label_counts);
            r.class_quality = rank_classes_by_label_quality(joint, n64);
            r.overlapping_classes =
                find_overlapping_classes(joint, n64, options_.asymmetric_overlap, form != MatrixForm::full);
            keep_matrix(form, joint, r.joint, r.sparse.joint);
            LatentEstimates latent = estimate_latent(cj_.calibrated, r.label_counts, PyMethod::cnt, true);
            r.latent.py = std::move(latent.py);
            keep_matrix(form, latent.noise_matrix, r.latent.noise_matrix, r.sparse.noise_matrix);
            keep_matrix(form, latent.inverse_noise_matrix, r.latent.inverse_noise_matrix,
                        r.sparse.inverse_noise_matrix);
            keep_matrix(form, cj_.calibrated, r.confident_joint, r.sparse.confident_joint);
            if (form == MatrixForm::full) r.confident_joint_uncalibrated = std::move(cj_.uncalibrated);
            break;
        }
    }
    ++stage_;
}

template <class T>
Report AuditRun<T>::take() {
    if (!done()) throw std::logic_error("AuditRun::take() before the last stage");
    return std::move(r_);
}

template <class T>
Report audit(LabelsView labels, ProbsView<T> probs, const AuditOptions& options) {
    AuditRun<T> run(labels, probs, options);
    while (!run.done()) run.step();
    return run.take();
}

template class AuditRun<double>;
template class AuditRun<float>;
template Report audit<double>(LabelsView, ProbsView<double>, const AuditOptions&);
template Report audit<float>(LabelsView, ProbsView<float>, const AuditOptions&);

}  // namespace labelscope
