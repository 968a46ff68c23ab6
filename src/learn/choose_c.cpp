#include "learn/choose_c.hpp"

#include <algorithm>

#include "learn/fit.hpp"

namespace labelscope::learn {

namespace {

struct InnerSplit {
    std::vector<std::uint32_t> train, valid;
    Design design;
    std::unique_ptr<PathFit> fit;
};

}  // namespace

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
    for (const double c : C_GRID) {
        HeldOut total;
        for (InnerSplit& s : inner) {
            const HeldOut h = s.fit->fit_and_score(c);
            total.loss += h.loss;
            total.count += h.count;
        }
        const double loss = total.loss / std::max(total.count, 1.0);
        chosen.tried += (chosen.tried.empty() ? "" : ", ") + format_c(c);
        if (chosen.c == 0 || loss < best) {
            best = loss;
            chosen.c = c;
        } else {
            break;
        }
    }
    return chosen;
}

}  // namespace labelscope::learn
