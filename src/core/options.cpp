#include "options.hpp"

#include <string>

#include "errors.hpp"

namespace labelscope {
namespace {

template <class Enum, std::size_t N>
Enum parse_name(std::string_view name, const char* option, const std::pair<const char*, Enum> (&table)[N]) {
    for (const auto& entry : table)
        if (name == entry.first) return entry.second;
    std::string accepted;
    for (const auto& entry : table) {
        if (!accepted.empty()) accepted += ", ";
        accepted += entry.first;
    }
    throw LabelScopeError(ErrorCode::invalid_option, "Unknown " + std::string(option) + " '" + std::string(name) +
                                                         "'. Use one of: " + accepted + ".");
}

template <class Enum, std::size_t N>
const char* name_of(Enum value, const std::pair<const char*, Enum> (&table)[N]) {
    for (const auto& entry : table)
        if (entry.second == value) return entry.first;
    return "unknown";
}

const std::pair<const char*, FilterBy> filter_names[] = {
    {"prune_by_noise_rate", FilterBy::prune_by_noise_rate},
    {"prune_by_class", FilterBy::prune_by_class},
    {"both", FilterBy::both},
    {"confident_learning", FilterBy::confident_learning},
    {"predicted_neq_given", FilterBy::predicted_neq_given},
    {"low_normalized_margin", FilterBy::low_normalized_margin},
    {"low_self_confidence", FilterBy::low_self_confidence},
};
const std::pair<const char*, ScoreMethod> score_names[] = {
    {"self_confidence", ScoreMethod::self_confidence},
    {"normalized_margin", ScoreMethod::normalized_margin},
    {"confidence_weighted_entropy", ScoreMethod::confidence_weighted_entropy},
};
const std::pair<const char*, PyMethod> py_names[] = {
    {"cnt", PyMethod::cnt},
    {"eqn", PyMethod::eqn},
    {"marginal", PyMethod::marginal},
    {"marginal_ps", PyMethod::marginal_ps},
};
const std::pair<const char*, EstimationMethod> estimation_names[] = {
    {"off_diagonal", EstimationMethod::off_diagonal},
    {"off_diagonal_calibrated", EstimationMethod::off_diagonal_calibrated},
    {"off_diagonal_custom", EstimationMethod::off_diagonal_custom},
};
const std::pair<const char*, OodMethod> ood_names[] = {
    {"entropy", OodMethod::entropy},
    {"least_confidence", OodMethod::least_confidence},
    {"gen", OodMethod::gen},
};

}  // namespace

FilterBy parse_filter_by(std::string_view n) { return parse_name(n, "filter_by", filter_names); }
ScoreMethod parse_score_method(std::string_view n) { return parse_name(n, "score method", score_names); }
PyMethod parse_py_method(std::string_view n) { return parse_name(n, "py_method", py_names); }
EstimationMethod parse_estimation_method(std::string_view n) {
    return parse_name(n, "estimation_method", estimation_names);
}
OodMethod parse_ood_method(std::string_view n) { return parse_name(n, "OOD method", ood_names); }

const char* to_string(FilterBy v) { return name_of(v, filter_names); }
const char* to_string(ScoreMethod v) { return name_of(v, score_names); }
const char* to_string(PyMethod v) { return name_of(v, py_names); }
const char* to_string(EstimationMethod v) { return name_of(v, estimation_names); }
const char* to_string(OodMethod v) { return name_of(v, ood_names); }

}  // namespace labelscope
