// labelscope_demo: audit a combined CSV (text, given label, one probability column per class)
// and print the likely label errors. Usage: labelscope_demo [path/to/dataset.csv]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/audit.hpp"
#include "simple_csv.hpp"

#ifndef LABELSCOPE_EXAMPLES_DIR
#define LABELSCOPE_EXAMPLES_DIR "examples"
#endif

namespace {

struct Dataset {
    std::vector<std::string> classes, ids, texts;
    std::vector<std::int32_t> labels, true_labels;  // true_labels empty if the column is absent
    std::vector<double> probs;                      // row-major N x K
};

[[noreturn]] void fail(const std::string& message) { throw std::runtime_error(message); }

// Columns id, text and true_label are optional; every column not named id/text/label/true_label
// is a class, in order, holding the model's probability for it.
Dataset load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot open " + path);
    const std::vector<demo::CsvRow> rows = demo::read_csv(in);
    if (rows.empty()) fail(path + " is empty");
    const demo::CsvRow& header = rows[0];
    int id_col = -1, text_col = -1, label_col = -1, true_col = -1;
    std::vector<int> class_cols;
    Dataset d;
    for (int c = 0; c < static_cast<int>(header.size()); ++c) {
        const std::string& h = header[c];
        if (h == "id") id_col = c;
        else if (h == "text") text_col = c;
        else if (h == "label") label_col = c;
        else if (h == "true_label") true_col = c;
        else { class_cols.push_back(c); d.classes.push_back(h); }
    }
    if (label_col < 0) fail(path + ": no 'label' column in the header");
    std::map<std::string, std::int32_t> index;  // class name -> column order
    for (std::size_t k = 0; k < d.classes.size(); ++k) index[d.classes[k]] = static_cast<std::int32_t>(k);
    auto where = [&](std::size_t row) { return path + " data row " + std::to_string(row) + ": "; };
    auto class_of = [&](const std::string& name, std::size_t row) {
        auto it = index.find(name);
        if (it == index.end()) fail(where(row) + "'" + name + "' is not a class column");
        return it->second;
    };
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const demo::CsvRow& row = rows[r];
        if (row.size() != header.size())
            fail(where(r) + std::to_string(row.size()) + " fields, header has " + std::to_string(header.size()));
        d.ids.push_back(id_col >= 0 ? row[id_col] : std::to_string(r));
        d.texts.push_back(text_col >= 0 ? row[text_col] : "");
        d.labels.push_back(class_of(row[label_col], r));
        if (true_col >= 0) d.true_labels.push_back(class_of(row[true_col], r));
        for (int c : class_cols) {
            char* end = nullptr;
            const double p = std::strtod(row[c].c_str(), &end);
            if (row[c].empty() || *end != '\0')
                fail(where(r) + "'" + row[c] + "' is not a number");
            d.probs.push_back(p);
        }
    }
    return d;
}

// Keep the table one line per row: flatten line breaks, cut long text (not inside a UTF-8 character).
std::string shorten(std::string s, std::size_t width) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (s.size() <= width) return s;
    std::size_t cut = width - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "...";
}

void print_report(const Dataset& d, const labelscope::Report& r) {
    const std::size_t n = r.num_examples, k = r.num_classes;
    const auto p = [&](std::size_t i, std::int32_t c) { return d.probs[i * k + static_cast<std::size_t>(c)]; };
    std::printf("%zu examples, %zu classes: %zu flagged as likely label errors (%.1f%%), health score %.3f\n",
                n, k, r.issues.size(), 100.0 * static_cast<double>(r.issues.size()) / static_cast<double>(n),
                r.health_score);
    for (const labelscope::Warning& w : r.warnings) std::printf("warning: %s\n", w.message.c_str());

    // Flagged rows, most suspicious first; quality is the self-confidence score (low = suspicious).
    if (!r.issues.empty())
        std::printf("\n%4s  %-4s  %-10s  %-10s  %7s  %8s  %8s  %s\n", "rank", "id", "given", "suggested",
                    "quality", "p(given)", "p(sugg.)", "text");
    const std::size_t shown = r.issues.size() < 20 ? r.issues.size() : 20;
    for (std::size_t rank = 0; rank < shown; ++rank) {
        const auto i = static_cast<std::size_t>(r.issues[rank]);
        const std::int32_t given = d.labels[i], sugg = r.suggested_label[i];
        std::printf("%4zu  %-4s  %-10s  %-10s  %7.3f  %8.3f  %8.3f  %s\n", rank + 1, d.ids[i].c_str(),
                    d.classes[given].c_str(), d.classes[sugg].c_str(), r.label_quality[i], p(i, given),
                    p(i, sugg), shorten(d.texts[i], 50).c_str());
    }
    if (shown < r.issues.size()) std::printf("... and %zu more\n", r.issues.size() - shown);

    // class_quality comes sorted from the noisiest class to the cleanest.
    std::printf("\nPer class (estimated from the confident joint):\n");
    for (const labelscope::ClassQuality& q : r.class_quality)
        std::printf("  %-10s  %3lld given  quality %.3f  %lld given here but truly another, "
                    "%lld truly here but given another\n",
                    d.classes[q.class_index].c_str(), static_cast<long long>(r.label_counts[q.class_index]),
                    q.label_quality_score, static_cast<long long>(q.label_issues),
                    static_cast<long long>(q.inverse_label_issues));

    // With known truth (lessons, synthetic data), say how good the flags are.
    if (!d.true_labels.empty()) {
        std::size_t wrong = 0, caught = 0;
        for (std::size_t i = 0; i < n; ++i) wrong += d.labels[i] != d.true_labels[i];
        for (std::int32_t i : r.issues) caught += d.labels[i] != d.true_labels[i];
        const double precision = r.issues.empty() ? 0 : static_cast<double>(caught) / r.issues.size();
        const double recall = wrong == 0 ? 0 : static_cast<double>(caught) / wrong;
        std::printf("\nAgainst true_label: %zu of %zu flags are real errors (precision %.2f), "
                    "%zu of %zu real errors found (recall %.2f)\n",
                    caught, r.issues.size(), precision, caught, wrong, recall);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2 || (argc == 2 && (std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help"))) {
        std::fprintf(argc > 2 ? stderr : stdout, "usage: %s [path/to/dataset.csv]\n", argv[0]);
        return argc > 2 ? 1 : 0;
    }
    const std::string path = argc == 2 ? argv[1] : LABELSCOPE_EXAMPLES_DIR "/headlines/dataset.csv";
    try {
        const Dataset d = load(path);
        const labelscope::LabelsView labels{d.labels.data(), d.labels.size()};
        const labelscope::ProbsView<double> probs{d.probs.data(), d.labels.size(), d.classes.size()};
        const labelscope::Report report = labelscope::audit(labels, probs);
        std::printf("labelscope demo: %s\n", path.c_str());
        print_report(d, report);
    } catch (const labelscope::LabelScopeError& e) {
        std::fprintf(stderr, "labelscope error (%s): %s\n", labelscope::to_string(e.code()), e.what());
        // The core counts examples from 0; the messages above use that, so name the CSV row too.
        if (e.example() >= 0)
            std::fprintf(stderr, "(that is data row %lld of %s)\n", static_cast<long long>(e.example()) + 1,
                         path.c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
