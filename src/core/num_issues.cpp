#include "num_issues.hpp"

#include "latent.hpp"
#include "numeric.hpp"
#include "thresholds.hpp"
#include "validation.hpp"

namespace labelscope {

template <class T>
bool given_label_wins_with_bonus(const T* row, std::size_t k, std::int32_t given) {
    const auto s = static_cast<std::size_t>(given);
    const double boosted = static_cast<double>(row[s]) + EPS;
    // First-index argmax of the boosted row is `s`: strictly above every earlier class,
    // at least equal to every later one.
    for (std::size_t j = 0; j < s; ++j)
        if (!(boosted > static_cast<double>(row[j]))) return false;
    for (std::size_t j = s + 1; j < k; ++j)
        if (!(boosted >= static_cast<double>(row[j]))) return false;
    return true;
}

template <class T>
std::int64_t count_off_diagonal_issues(LabelsView labels, ProbsView<T> probs, const ConfidentJoint& cj) {
    std::int64_t count = 0;
    for (std::int32_t i : cj.off_diagonal)
        if (!given_label_wins_with_bonus(probs.row(static_cast<std::size_t>(i)), probs.cols, labels[i])) ++count;
    return count;
}

namespace {

std::int64_t off_diagonal_of_calibrated(const CountMatrix& joint, const std::vector<std::int64_t>& counts,
                                        std::size_t n) {
    const RealMatrix q = estimate_joint_from_confident_joint(joint, counts);
    double trace = 0;
    for (std::size_t c = 0; c < q.rows; ++c) trace += q(c, c);
    return static_cast<std::int64_t>(round_half_even((1.0 - trace) * static_cast<double>(n)));
}

}  // namespace

template <class T>
std::int64_t num_label_issues(LabelsView labels, ProbsView<T> probs, EstimationMethod method,
                              const CountMatrix* custom_joint) {
    validate_inputs(labels, probs);
    const std::size_t k = probs.cols;
    const auto counts = label_counts(labels, k);
    if (method == EstimationMethod::off_diagonal_custom) {
        if (custom_joint == nullptr || custom_joint->rows != k || custom_joint->cols != k)
            throw LabelScopeError(ErrorCode::invalid_option,
                                  "estimation_method 'off_diagonal_custom' needs a confident joint of shape " +
                                      std::to_string(k) + " x " + std::to_string(k) + ".");
        return off_diagonal_of_calibrated(*custom_joint, counts, probs.rows);
    }
    const ConfidentJoint cj = compute_confident_joint(labels, probs, confident_thresholds(labels, probs));
    if (method == EstimationMethod::off_diagonal_calibrated)
        return off_diagonal_of_calibrated(cj.calibrated, counts, probs.rows);  // calibrated twice, as cleanlab
    return count_off_diagonal_issues(labels, probs, cj);
}

template bool given_label_wins_with_bonus<double>(const double*, std::size_t, std::int32_t);
template bool given_label_wins_with_bonus<float>(const float*, std::size_t, std::int32_t);
template std::int64_t count_off_diagonal_issues<double>(LabelsView, ProbsView<double>, const ConfidentJoint&);
template std::int64_t count_off_diagonal_issues<float>(LabelsView, ProbsView<float>, const ConfidentJoint&);
template std::int64_t num_label_issues<double>(LabelsView, ProbsView<double>, EstimationMethod, const CountMatrix*);
template std::int64_t num_label_issues<float>(LabelsView, ProbsView<float>, EstimationMethod, const CountMatrix*);

}  // namespace labelscope
