#include "learn/choose_c.hpp"

#include <algorithm>
#include <cmath>

#include "learn/fit.hpp"

namespace labelscope::learn {

namespace {

struct InnerSplit {
    std::vector<std::uint32_t> train, valid;
    Design design;
    std::unique_ptr<PathFit> fit;
};

// Whether a's summed loss exceeds b's by at most one standard error of the sum of the paired row
// differences (sample variance; none with fewer than 2 rows).
bool within_one_se(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t n = a.size();
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += a[i] - b[i];
    if (n < 2) return sum <= 0;
    const double mean = sum / static_cast<double>(n);
    double squares = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double e = a[i] - b[i] - mean;
        squares += e * e;
    }
    return sum <= std::sqrt(static_cast<double>(n) * squares / static_cast<double>(n - 1));
}

}  // namespace

std::string lowest_note(const ChosenC& chosen) {
    if (chosen.c == chosen.lowest) return "";
    return "; " + format_c(chosen.lowest) + " scored lowest, by less than one standard error";
}

ChosenC choose_c(const Features::Data& data, const std::vector<std::uint32_t>& rows, const std::vector<int>& inner_fold,
                 int folds, double cost_per_value, const MakePathFit& make) {
    // Work of one split's fit per iteration, from its share of the rows (every split trains on
    // about (folds - 1) / folds of them).
    double text_entries = 0;
    if (data.text_cols)
        for (const std::uint32_t i : rows) text_entries += data.text_row_ptr[i + 1] - data.text_row_ptr[i];
    const double share = static_cast<double>(folds - 1) / folds;
    const double work = share *
                        (static_cast<double>(rows.size()) * static_cast<double>(data.dense_cols + 1) + text_entries) *
                        cost_per_value;
    int splits = 1;
    while (splits < folds && (splits + 1) * work <= INNER_WORK_BUDGET) ++splits;

    // All splits advance together along the grid, so the path can stop early for all of them.
    std::vector<InnerSplit> inner(static_cast<std::size_t>(splits));
    for (int v = 0; v < splits; ++v) {
        InnerSplit& s = inner[static_cast<std::size_t>(v)];
        for (std::size_t i = 0; i < rows.size(); ++i) (inner_fold[i] == v ? s.valid : s.train).push_back(rows[i]);
        build_design(data, s.train, s.design);
        s.fit = make(s.design, s.train, s.valid);
    }
    ChosenC chosen;
    chosen.splits = splits;
    double best = 0;
    std::vector<double> scored;                 // the C's on the path, in order
    std::vector<std::vector<double>> row_loss;  // their held-out row terms, every split's in turn
    for (const double c : C_GRID) {
        HeldOut total;
        row_loss.emplace_back();
        for (InnerSplit& s : inner) {
            const HeldOut h = s.fit->fit_and_score(c);
            total.loss += h.loss;
            total.count += h.count;
            row_loss.back().insert(row_loss.back().end(), h.row_loss.begin(), h.row_loss.end());
        }
        scored.push_back(c);
        const double loss = total.loss / std::max(total.count, 1.0);
        chosen.tried += (chosen.tried.empty() ? "" : ", ") + format_c(c);
        if (chosen.lowest == 0 || loss < best) {
            best = loss;
            chosen.lowest = c;
        } else {
            break;
        }
    }
    // The one-standard-error rule toward DEFAULT_C, when the path scored it.
    chosen.c = chosen.lowest;
    const auto at = [&scored](double c) {
        return static_cast<std::size_t>(std::find(scored.begin(), scored.end(), c) - scored.begin());
    };
    const std::size_t prior = at(DEFAULT_C);
    if (prior < scored.size() && within_one_se(row_loss[prior], row_loss[at(chosen.lowest)])) chosen.c = DEFAULT_C;
    return chosen;
}

}  // namespace labelscope::learn
