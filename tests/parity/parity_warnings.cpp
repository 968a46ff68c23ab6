// Recorded warnings of find_label_issues with default options (docs/ALGORITHMS.md §10.12): cleanlab warns
// "May not flag all label issues in class: k, it has too few examples" once per class with
// n_k <= min_examples_per_class, from PBC and from PBNR (so `both` repeats them). Our port reports
// it as Warning{class_too_small, class_index = k}; only audit() returns warnings, so it is used here.
// Compared as the *set* of classes per filter_by (cleanlab's duplicates and wording are not
// part of the contract). Methods without a recorded entry must produce no such warning.
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>

#include "core/audit.hpp"
#include "core/options.hpp"
#include "parity/areas.hpp"

namespace parity {
namespace {

using labelscope::FilterBy;

const FilterBy ALL_FILTERS[] = {
    FilterBy::prune_by_noise_rate, FilterBy::prune_by_class,      FilterBy::both,
    FilterBy::confident_learning,  FilterBy::predicted_neq_given, FilterBy::low_normalized_margin,
    FilterBy::low_self_confidence};

std::string set_str(const std::set<std::int64_t>& s) {
    std::string out = "{";
    for (auto v : s) out += (out.size() > 1 ? ", " : "") + std::to_string(v);
    return out + "}";
}

// Classes named by the recorded "too few examples" warnings; throws on any other message.
std::set<std::int64_t> recorded_classes(const json& messages) {
    static const std::string marker = "May not flag all label issues in class: ";
    std::set<std::int64_t> out;
    for (const auto& m : messages) {
        const std::string s = m.get<std::string>();
        const auto at = s.find(marker);
        if (at == std::string::npos) throw std::runtime_error("warning not understood by the harness: " + s);
        out.insert(std::stoll(s.substr(at + marker.size())));
    }
    return out;
}

}  // namespace

void check_warnings(Checker& c) {
    const std::string path = "/warnings/find_label_issues";
    if (!c.has(path)) {
        c.fail(path, "not recorded in expected.json");
        return;
    }
    c.check(path, [&](const json& recorded) {
        Cmp r;
        for (const auto& item : recorded.items()) labelscope::parse_filter_by(item.key());  // throws if unknown
        for (const FilterBy f : ALL_FILTERS) {
            const std::string name = labelscope::to_string(f);
            const std::set<std::int64_t> expected =
                recorded.contains(name) ? recorded_classes(recorded[name]) : std::set<std::int64_t>{};
            labelscope::AuditOptions opts;
            opts.find.filter_by = f;
            std::set<std::int64_t> ours;
            for (const auto& w : labelscope::audit(c.gc.labels_view(), c.gc.probs_view(), opts).warnings)
                if (w.code == labelscope::WarningCode::class_too_small) ours.insert(w.class_index);
            ++r.values;
            if (r.ok() && ours != expected)
                r.error = "filter_by " + name + ": classes with a too-few-examples warning: expected " +
                          set_str(expected) + ", got " + set_str(ours);
        }
        return r;
    });
}

}  // namespace parity
