// The CSV reader's fast path (whole rows parsed in the scanning loop, CellSink::rows) against the
// cell-by-cell path it must be indistinguishable from. Fed in 1-byte pieces no row is ever complete
// inside a chunk, so the fast path never runs: every read_every_way() below compares it with the
// whole-file reading (fast path nearly everywhere) and with the other chunkings (both, mixed), for
// the Dataset or the exact error. Plus the value buffers' growth (issue 6: no doubling of a big
// buffer; capacity within a few % of what the file holds).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "io_helpers.hpp"

using iotest::combined_file;
using iotest::labels_file;
using iotest::probs_file;

namespace {

using Strings = std::vector<std::string>;

// Raw-bits helpers (std distributions differ between standard libraries; this also runs in WASM).
struct Rng {
    std::mt19937_64 g;
    explicit Rng(std::uint64_t seed) : g(seed) {}
    unsigned below(unsigned n) { return static_cast<unsigned>(g() % n); }
    bool one_in(unsigned n) { return below(n) == 0; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[below(static_cast<unsigned>(v.size()))];
    }
};

std::string short_decimal(Rng& r) {
    char buf[40];
    const double u = static_cast<double>(r.g() >> 11) / 9007199254740992.0;
    std::snprintf(buf, sizeof buf, r.one_in(4) ? "%.17g" : "%.6g",
                  u * std::pow(10.0, -static_cast<double>(r.below(7))));
    return buf;
}

// Cells that are fine, cells the fast path hands back (quotes, blanks, long or odd spellings), and
// (rarely) bad ones.
std::string prob_cell(Rng& r, char delimiter, unsigned bad_one_in) {
    static const Strings odd = {" 0.5",
                                "0.5 ",
                                "\t0.25",
                                "\"0.25\"",
                                "\"1\"",
                                "nan",
                                "inf",
                                "-0",
                                "+.5",
                                "5.",
                                "1e-3",
                                "2.5E-1",
                                "12345678901234567890",
                                "0.1000000000000000055511151231257827",
                                "1e-400",
                                "-0.0",
                                "00.5",
                                "1.e-2"};
    static const Strings bad = {"", "abc", "0.5.1", "1e", "0x1", "\"0.5\"x", "0.5\"", "--1", "1 2", "½"};
    if (r.one_in(bad_one_in)) return r.pick(bad);
    if (r.one_in(6)) {
        std::string s = r.pick(odd);
        if (delimiter == ';' && s.find('.') != std::string::npos && r.one_in(2)) s[s.find('.')] = ',';
        return s;
    }
    std::string s = short_decimal(r);
    if (delimiter == ';' && r.one_in(2)) {
        const auto dot = s.find('.');
        if (dot != std::string::npos) s[dot] = ',';
    }
    return s;
}

std::string label_cell(Rng& r, unsigned bad_one_in, bool names) {
    static const Strings odd = {"007", "2.0", " 1", "1 ", "\"1\"", "+2", "0.0"};
    static const Strings bad = {"", "2.5", "99999999999", "1e3x", "\"\"", "nan"};
    if (r.one_in(bad_one_in)) return r.pick(bad);
    if (names && r.one_in(3)) return r.one_in(2) ? "a" : "\"b\"";
    if (r.one_in(8)) return r.pick(odd);
    return std::to_string(r.below(3));
}

std::string text_cell(Rng& r) {
    static const Strings texts = {"abc", "",    "\"q,uo;t\ted\"", "\"two\nlines\"", "a\"b", " sp ", "\"\"\"\"",
                                  "0.5", "x y", "\"crlf\r\nin\""};
    return r.pick(texts);
}

std::string line_end(Rng& r) {
    const unsigned e = r.below(10);
    return e < 6 ? "\n" : e < 9 ? "\r\n" : "\r";
}

// Adds the row's cells; sometimes a cell too many or too few, a blank line, or a NUL byte.
void add_row(std::string& out, Strings cells, Rng& r, char delimiter, unsigned bad_one_in) {
    if (r.one_in(bad_one_in * 4)) cells.pop_back();
    if (r.one_in(bad_one_in * 4)) cells.push_back("0.5");
    if (r.one_in(bad_one_in * 8)) cells.assign(1, "");
    if (r.one_in(bad_one_in * 16)) cells[r.below(static_cast<unsigned>(cells.size()))] += '\0';
    for (std::size_t c = 0; c < cells.size(); ++c) out += (c ? std::string(1, delimiter) : "") + cells[c];
    out += line_end(r);
}

struct Files {
    std::vector<iotest::InputFile> files;
    std::string describe;
};

// A labels file + a pred_probs file, or one combined file, of `rows` rows.
Files random_files(Rng& r, int rows, unsigned bad_one_in) {
    const char delimiter = r.one_in(4) ? ';' : r.one_in(5) ? '\t' : ',';
    const int k = 1 + static_cast<int>(r.below(4));
    const bool names = r.one_in(5);
    Files f;
    if (r.one_in(3)) {  // combined
        Strings header = {"label"};
        for (int c = 0; c < k; ++c) header.push_back("p" + std::to_string(c));
        const bool id = r.one_in(2), text = r.one_in(2), truth = r.one_in(3), known = r.one_in(3);
        if (id) header.insert(header.begin(), "id");
        if (text) header.push_back("text");
        if (truth) header.push_back("true_label");
        if (known) header.push_back("is_error");
        std::string csv;
        for (std::size_t c = 0; c < header.size(); ++c) csv += (c ? std::string(1, delimiter) : "") + header[c];
        csv += line_end(r);
        for (int i = 0; i < rows; ++i) {
            Strings cells;
            // The first data row decides which columns are numeric: keep its cells plain.
            const unsigned bad = i == 0 ? 1000000 : bad_one_in;
            if (id) cells.push_back(std::to_string(i));
            cells.push_back(label_cell(r, bad, names));
            for (int c = 0; c < k; ++c) cells.push_back(i == 0 ? short_decimal(r) : prob_cell(r, delimiter, bad));
            if (text) cells.push_back(i == 0 ? "t" : text_cell(r));
            if (truth) cells.push_back(r.one_in(4) ? "" : label_cell(r, bad, names));
            if (known)
                cells.push_back(r.pick(Strings{"", "0", "1", "yes", "no", "1.0", r.one_in(bad) ? "maybe" : "0"}));
            add_row(csv, cells, r, delimiter, bad);
        }
        f.files.push_back(combined_file(csv));
        f.describe = "combined, delimiter [" + std::string(1, delimiter) + "]";
        return f;
    }
    std::string labels = r.one_in(3) ? "" : "label\n", probs;
    if (r.one_in(2)) {
        for (int c = 0; c < k; ++c) probs += (c ? std::string(1, delimiter) : "") + "c" + std::to_string(c);
        probs += line_end(r);
    }
    for (int i = 0; i < rows; ++i) {
        const unsigned bad = i == 0 ? 1000000 : bad_one_in;
        labels += label_cell(r, bad, names) + line_end(r);
        Strings cells;
        for (int c = 0; c < k; ++c) cells.push_back(i == 0 ? short_decimal(r) : prob_cell(r, delimiter, bad));
        add_row(probs, cells, r, delimiter, bad);
    }
    if (r.one_in(4)) probs += line_end(r);  // trailing blank lines are fine
    f.files.push_back(labels_file(labels));
    f.files.push_back(probs_file(probs));
    f.describe = "labels + pred_probs, delimiter [" + std::string(1, delimiter) + "]";
    return f;
}

}  // namespace

TEST_CASE("fast rows: random small files read the same whole, in pieces and cut at every byte") {
    Rng r(424242);
    int errors = 0, datasets = 0;
    for (int n = 0; n < 60; ++n) {
        const Files f = random_files(r, 2 + static_cast<int>(r.below(12)), 40);
        INFO("file set " << n << ": " << f.describe);
        const iotest::Outcome o = iotest::read_every_way(f.files, {});
        (o.error ? errors : datasets) += 1;
    }
    CHECK(errors > 5);  // the generator makes both
    CHECK(datasets > 5);
}

TEST_CASE("fast rows: random long files (errors deep inside) read the same whole and in pieces") {
    Rng r(777);
    int errors = 0, datasets = 0;
    for (int n = 0; n < 40; ++n) {
        const Files f = random_files(r, 50 + static_cast<int>(r.below(400)), n % 2 ? 3000 : 300);
        INFO("file set " << n << ": " << f.describe);
        const iotest::Outcome o = iotest::read_every_way(f.files, {});
        (o.error ? errors : datasets) += 1;
        if (o.dataset) {
            // Every probability is what parse_double makes of its text: here, finite or not, a
            // double; float32 storage is the same values rounded.
            iotest::ReadOptions f32;
            f32.float32 = true;
            const iotest::Outcome o32 = iotest::read_once(f.files, iotest::Chunking{}, f32);
            REQUIRE(o32.dataset.has_value());
            REQUIRE(o32.dataset->probs_f32.size() == o.dataset->probs.size());
            for (std::size_t i = 0; i < o.dataset->probs.size(); ++i)
                if (!std::isnan(o.dataset->probs[i]))
                    REQUIRE(o32.dataset->probs_f32[i] == static_cast<float>(o.dataset->probs[i]));
        }
    }
    CHECK(errors > 3);
    CHECK(datasets > 3);
}

TEST_CASE("fast rows: rows handed back to the tokenizer in the middle of a long file keep their values") {
    std::string probs = "a,b,c\n", labels = "label\n";
    std::vector<double> expected;
    for (int i = 0; i < 3000; ++i) {
        Strings cells;
        for (int c = 0; c < 3; ++c) {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.6g", (i * 3 + c) / 9001.0);
            cells.push_back(buf);
        }
        if (i == 1000) cells[1] = "\"" + cells[1] + "\"";    // quoted
        if (i == 1500) cells[2] = " " + cells[2] + "\t";     // blanks
        if (i == 1700) cells[0] = "0.10000000000000000555";  // 20 digits
        if (i == 1800) cells[0] = "1e-300";                  // exponent out of the exact range
        for (const auto& c : cells) {
            const std::string t = c[0] == '"' ? c.substr(1, c.size() - 2) : c;
            expected.push_back(std::strtod(t.c_str(), nullptr));
        }
        probs += cells[0] + "," + cells[1] + "," + cells[2] + (i % 7 == 0 ? "\r\n" : "\n");
        labels += std::to_string(i % 3) + "\n";
    }
    const auto d = iotest::read({labels_file(labels), probs_file(probs)});
    CHECK(d.num_examples == 3000);
    CHECK(iotest::same_bits(d.probs, expected));
    CHECK(d.labels[2999] == 2);
}

TEST_CASE("fast rows: errors deep in a long file point at their row and column") {
    std::string head = "a,b,c\n";
    std::string labels = "label\n";
    for (int i = 0; i < 400; ++i) {
        head += "0.25,0.5,0.25\n";
        labels += "1\n";
    }
    labels += "0\n0\n0\n";
    SUBCASE("a word") {
        iotest::check_error(iotest::read_error({labels_file(labels), probs_file(head + "0.2,0.3,x\n0.1,0.1,0.8\n")}),
                            "bad_number", "pred_probs.csv", 402, 3, {"'x'"});
    }
    SUBCASE("an empty cell") {
        iotest::check_error(iotest::read_error({labels_file(labels), probs_file(head + "0.2,,0.8\n")}), "bad_number",
                            "pred_probs.csv", 402, 2, {"empty"});
    }
    SUBCASE("a cell too many") {
        iotest::check_error(iotest::read_error({labels_file(labels), probs_file(head + "0.2,0.3,0.5,0\n")}),
                            "ragged_row", "pred_probs.csv", 402, 4);
    }
    SUBCASE("a cell missing") {
        iotest::check_error(iotest::read_error({labels_file(labels), probs_file(head + "0.2,0.8\n")}), "ragged_row",
                            "pred_probs.csv", 402, 3);
    }
    SUBCASE("a blank line, then more rows") {
        iotest::check_error(iotest::read_error({labels_file(labels), probs_file(head + "\n0.2,0.3,0.5\n")}),
                            "blank_row", "pred_probs.csv", 402, 1);
    }
    SUBCASE("a NUL byte inside a number") {
        iotest::check_error(iotest::read_error({labels_file(labels), probs_file(head + "0.2,0.3,0.5\n0.2,0.3" +
                                                                                std::string(1, '\0') + "\n")}),
                            "not_text", "pred_probs.csv", 403, 2);
    }
    SUBCASE("an unterminated quote") {
        iotest::check_error(
            iotest::read_error({labels_file(labels), probs_file(head + "0.2,\"0.3,0.5\n0.1,0.1,0.8\n")}),
            "unterminated_quote", "pred_probs.csv", 402, 2);
    }
    SUBCASE("a bad label") {
        iotest::check_error(iotest::read_error({labels_file(labels + "1.5\n"), probs_file(head)}), "bad_label",
                            "labels.csv", 405, 1);
    }
}

TEST_CASE("fast rows: labels, text and truth columns of a long combined file") {
    std::string csv = "id,label,cat,dog,text,true_label,is_error\n";
    for (int i = 0; i < 800; ++i) {
        csv += std::to_string(1000 + i) + "," + (i % 2 ? "dog" : "cat") + "," + (i % 2 ? "0.25" : "0.75") + "," +
               (i % 2 ? "0.75" : "0.25") + "," + (i % 10 == 0 ? "\"a, b\"" : "t" + std::to_string(i)) + "," +
               (i % 3 == 0 ? "" : "cat") + "," + (i % 4 == 0 ? "yes" : "0") + "\n";
    }
    const auto d = iotest::read({combined_file(csv)});
    CHECK(d.num_examples == 800);
    CHECK(d.labels[0] == 0);
    CHECK(d.labels[1] == 1);
    CHECK(d.probs[2 * 799 + 1] == 0.75);
    REQUIRE(d.extra_columns.size() == 2);
    CHECK(d.extra_columns[0].values[5] == "1005");
    CHECK(d.extra_columns[1].values[10] == "a, b");
    CHECK(d.extra_columns[1].values[11] == "t11");
    CHECK(d.true_labels[0] == -1);
    CHECK(d.true_labels[1] == 0);
    CHECK(d.known_errors[4] == 1);
    CHECK(d.known_errors[5] == 0);
}

namespace {

// Reads one pred_probs text (and a matching labels file) whole, with its size given up front or
// not, and returns the Dataset.
iotest::Dataset read_sized(const std::string& probs, std::size_t rows, bool size_known, bool float32) {
    iotest::ReadOptions options;
    options.float32 = float32;
    iotest::DatasetReader reader(options);
    std::string labels = "label\n";
    for (std::size_t i = 0; i < rows; ++i) labels += std::to_string(i % 3) + "\n";
    for (const auto& [role, text] : {std::pair{iotest::FileRole::labels, static_cast<const std::string*>(&labels)},
                                     std::pair{iotest::FileRole::pred_probs, &probs}}) {
        reader.begin_file(role, "f.csv", size_known ? text->size() : 0);
        for (std::size_t at = 0; at < text->size(); at += 1 << 16)
            reader.feed(reinterpret_cast<const std::uint8_t*>(text->data()) + at,
                        std::min<std::size_t>(1 << 16, text->size() - at));
        reader.end_file();
    }
    return reader.finish();
}

std::string probs_text(std::size_t rows, int k, const std::function<std::string(std::size_t, int)>& cell) {
    std::string s;
    for (int c = 0; c < k; ++c) s += (c ? "," : "") + std::string("c") + std::to_string(c);
    s += "\n";
    for (std::size_t i = 0; i < rows; ++i) {
        for (int c = 0; c < k; ++c) s += (c ? "," : "") + cell(i, c);
        s += "\n";
    }
    return s;
}

}  // namespace

TEST_CASE("fast rows: the value buffers are sized from the file, not doubled") {
    constexpr std::size_t rows = 30000;
    constexpr int k = 10;
    Rng r(9);
    std::vector<std::string> pool;
    for (int i = 0; i < 1000; ++i) pool.push_back(short_decimal(r));
    const auto values = static_cast<double>(rows * k);
    SUBCASE("similar rows") {
        const std::string text = probs_text(rows, k, [&](std::size_t i, int c) { return pool[(i * 7 + c) % 1000]; });
        for (const bool float32 : {false, true}) {
            const auto d = read_sized(text, rows, true, float32);
            const double capacity = float32 ? d.probs_f32.capacity() : d.probs.capacity();
            CHECK(d.num_examples == rows);
            CHECK(capacity >= values);
            CHECK(capacity <= 1.05 * values);
            CHECK(d.labels.capacity() <= 1.05 * rows + 1024);
        }
    }
    SUBCASE("a short first row (the old estimate from it doubled the buffer)") {
        const std::string text = probs_text(
            rows, k, [&](std::size_t i, int c) { return i == 0 ? std::string("0") : pool[(i * 7 + c) % 1000]; });
        const auto d = read_sized(text, rows, true, false);
        CHECK(d.probs.capacity() >= values);
        CHECK(d.probs.capacity() <= 1.05 * values);
    }
    SUBCASE("rows getting shorter halfway: the estimate falls short, the buffer grows by what is left") {
        const std::string text = probs_text(rows, k, [&](std::size_t i, int c) {
            return i < rows / 2 ? pool[(i * 7 + c) % 1000] + "0000" : std::string("0.5");
        });
        const auto d = read_sized(text, rows, true, false);
        CHECK(d.num_examples == rows);
        CHECK(d.probs.capacity() >= values);
        CHECK(d.probs.capacity() <= 1.1 * values);  // doubling would end anywhere up to 2x
        CHECK(d.probs[k * (rows - 1)] == 0.5);
    }
    SUBCASE("rows getting longer halfway: the estimate from the dense start is too big, by that much") {
        // 40 bytes per row first, ~150 after: the sample's density times the bytes still to come
        // reserves ~2.5x, never more than what the file could hold.
        const std::string text = probs_text(rows, k, [&](std::size_t i, int c) {
            return i < rows / 2 ? std::string("0.5") : pool[(i * 7 + c) % 1000] + "0000";
        });
        const auto d = read_sized(text, rows, true, false);
        CHECK(d.num_examples == rows);
        CHECK(d.probs.capacity() >= values);
        CHECK(d.probs.capacity() <= 3 * values);
    }
    SUBCASE("size unknown: still read right") {
        const std::string text = probs_text(rows, k, [&](std::size_t i, int c) { return pool[(i * 3 + c) % 1000]; });
        const auto d = read_sized(text, rows, false, false);
        CHECK(d.num_examples == rows);
        CHECK(d.probs[k * 5 + 2] == std::strtod(pool[(5 * 3 + 2) % 1000].c_str(), nullptr));
    }
}

TEST_CASE("fast rows: a long single line, fed whole, in 64 KiB pieces and byte by byte") {
    // 200,000 probabilities on one line (~1.8 MB), no header, no final newline: one example with
    // K = 200,000. The first line is held back until it is complete; each piece fed must be looked
    // at once (re-scanning all held bytes per piece took seconds for a 60 KB line fed byte by byte).
    constexpr int k = 200000;
    std::string line;
    std::vector<double> expected;
    for (int c = 0; c < k; ++c) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", (c % 1000 + 1) / 1001.0);
        line += (c ? "," : "") + std::string(buf);
        expected.push_back(std::strtod(buf, nullptr));
    }
    for (const std::size_t piece : {std::size_t{0}, std::size_t{1} << 16, std::size_t{1}}) {
        INFO("piece size " << piece);
        iotest::Chunking how;
        how.size = piece;
        const auto o = iotest::read_once({labels_file("label\n7\n"), probs_file(line)}, how, {});
        if (o.error) FAIL("ReadError: " << std::string(o.error->what()));
        CHECK(o.dataset->num_examples == 1);
        CHECK(o.dataset->num_classes == k);
        CHECK(iotest::same_bits(o.dataset->probs, expected));
    }
}
