// Small helpers shared by the unit tests: a tiny owning dataset and message checks.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/labelscope.hpp"

namespace unit {

using labelscope::LabelsView;
using labelscope::ProbsView;

// Owns labels and a row-major N x K matrix and hands out the views the core reads.
struct Data {
    std::vector<std::int32_t> labels;
    std::vector<double> probs;
    std::size_t k = 0;

    Data() = default;
    Data(std::size_t num_classes, std::initializer_list<std::int32_t> l,
         std::initializer_list<std::initializer_list<double>> rows)
        : labels(l), k(num_classes) {
        for (const auto& r : rows) probs.insert(probs.end(), r.begin(), r.end());
    }

    std::size_t n() const { return k == 0 ? 0 : probs.size() / k; }
    LabelsView lv() const { return LabelsView{labels.data(), labels.size()}; }
    ProbsView<double> pv() const { return ProbsView<double>{probs.data(), n(), k}; }
    double p(std::size_t i, std::size_t j) const { return probs[i * k + j]; }
};

inline labelscope::CountMatrix counts(std::size_t k, std::initializer_list<std::int64_t> v) {
    labelscope::CountMatrix m(k, k);
    m.values.assign(v.begin(), v.end());
    return m;
}

inline labelscope::RealMatrix reals(std::size_t r, std::size_t c, std::initializer_list<double> v) {
    labelscope::RealMatrix m(r, c);
    m.values.assign(v.begin(), v.end());
    return m;
}

inline std::vector<std::int32_t> indices(const labelscope::Mask& mask) {
    std::vector<std::int32_t> out;
    for (std::size_t i = 0; i < mask.size(); ++i)
        if (mask[i]) out.push_back(static_cast<std::int32_t>(i));
    return out;
}

inline std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Case-insensitive "message mentions this".
inline bool mentions(const std::string& msg, const std::string& what) {
    return lower(msg).find(lower(what)) != std::string::npos;
}

inline bool mentions_any(const std::string& msg, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (mentions(msg, w)) return true;
    return false;
}

// Words that show a message tells the user what to do, not only what went wrong.
inline bool gives_advice(const std::string& msg) {
    return mentions_any(msg, {"must", "should", "check", "expected", "expect", "use ", "remove", "make sure", "need",
                              "provide", "pass ", "ensure", "fix", "replace", "only", "apply", "drop", "split"});
}

}  // namespace unit
