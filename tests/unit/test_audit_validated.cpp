// AuditOptions::values_validated: a caller whose reader checked the values already (the native
// CLI) gets the same report without validation's warnings, and the two-label-classes rule still holds.
#include <doctest/doctest.h>

#include <cstring>
#include <stdexcept>
#include <vector>

#include "core/audit.hpp"
#include "core/validation.hpp"

using namespace labelscope;

TEST_CASE("audit: values_validated leaves out the value checks' warnings and nothing else") {
    const std::size_t n = 400, k = 3;
    std::vector<double> probs(n * k);
    std::vector<std::int32_t> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 0.1 + 0.8 * static_cast<double>((i * 37) % 100) / 100.0;
        probs[i * k] = a;
        probs[i * k + 1] = (1.0 - a) * 0.7;
        probs[i * k + 2] = (1.0 - a) * (i % 9 == 0 ? 0.6 : 0.3);  // every 9th row sums to 1.3 - 0.3 a
        labels[i] = static_cast<std::int32_t>((i * 7) % k);
    }
    const LabelsView y{labels.data(), n};
    const ProbsView<double> p{probs.data(), n, k};
    const Warnings checks = validate_inputs(y, p);
    REQUIRE(!checks.empty());
    const Report all = audit(y, p);
    AuditOptions options;
    options.values_validated = true;
    const Report rest = audit(y, p, options);
    CHECK(all.issues == rest.issues);
    CHECK(all.is_label_issue == rest.is_label_issue);
    REQUIRE(all.label_quality.size() == rest.label_quality.size());
    CHECK(std::memcmp(all.label_quality.data(), rest.label_quality.data(), n * sizeof(double)) == 0);
    CHECK(all.suggested_label == rest.suggested_label);
    CHECK(all.confident_joint == rest.confident_joint);
    REQUIRE(all.warnings.size() == checks.size() + rest.warnings.size());
    for (std::size_t w = 0; w < checks.size(); ++w) CHECK(all.warnings[w].message == checks[w].message);

    std::vector<std::int32_t> one_class(n, 1);
    CHECK_THROWS_AS(audit(LabelsView{one_class.data(), n}, p, options), LabelScopeError);
}
