// Corrected labels written back into their own file: every cell as read, the label replaced, an
// original_label column added, the reader's delimiter kept, and the result reads back.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/label_rewriter.hpp"
#include "io_helpers.hpp"

using labelscope::io::LabelRewriter;
using labelscope::io::RewriteOptions;

namespace {

std::string rewrite(const std::string& file, const std::vector<std::string>& labels, RewriteOptions options,
                    std::size_t chunk) {
    LabelRewriter rewriter("data.csv", labels, options);
    std::string out;
    for (std::size_t at = 0; at < file.size(); at += chunk) {
        const std::size_t n = std::min(chunk, file.size() - at);
        out += rewriter.feed(reinterpret_cast<const std::uint8_t*>(file.data() + at), n);
    }
    return out + rewriter.finish();
}

const std::string kCombined =
    "id,text,label,+ve,-ve\n"
    "a1,\"good, really\",+ve,0.9,0.1\n"
    "a2,\"said \"\"meh\"\"\",+ve,0.2,0.8\n"
    "a3,fine,-ve,0.6,0.4\n";

}  // namespace

TEST_CASE("label rewriter: keeps every column, replaces the label, adds original_label, in any chunking") {
    const RewriteOptions options{3, true, true};
    const std::string expected =
        "id,text,label,+ve,-ve,original_label\n"
        "a1,\"good, really\",+ve,0.9,0.1,+ve\n"
        "a2,\"said \"\"meh\"\"\",-ve,0.2,0.8,+ve\n"
        "a3,fine,+ve,0.6,0.4,-ve\n";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{7}, kCombined.size()})
        CHECK(rewrite(kCombined, {"+ve", "-ve", "+ve"}, options, chunk) == expected);
}

TEST_CASE("label rewriter: the output reads back with the corrected labels and the same probabilities") {
    const std::string out = rewrite(kCombined, {"+ve", "-ve", "+ve"}, RewriteOptions{3, true, true}, 5);
    const auto before = iotest::read({iotest::combined_file(kCombined)});
    const auto after = iotest::read({iotest::combined_file(out)});
    CHECK(after.class_names == before.class_names);  // names starting with + or - written as they are
    CHECK(after.probs == before.probs);
    CHECK(after.labels == std::vector<std::int32_t>{0, 1, 0});
}

TEST_CASE("label rewriter: a tab-separated file stays tab-separated; a quoted tab in the header is kept") {
    const std::string tsv = "\"a\tb\"\tlabel\tcat\tdog\nx\tcat\t0.9\t0.1\n";
    CHECK(rewrite(tsv, {"dog"}, RewriteOptions{2, true, true}, 3) ==
          "\"a\tb\"\tlabel\tcat\tdog\toriginal_label\nx\tdog\t0.9\t0.1\tcat\n");
}

TEST_CASE("label rewriter: a headerless labels file gets no extra column; a changed file is an error") {
    CHECK(rewrite("1\n0\n", {"0", "0"}, RewriteOptions{1, false, true}, 1) == "0\n0\n");
    CHECK_THROWS_AS(rewrite("1\n0\n", {"0", "0", "1"}, RewriteOptions{1, false, true}, 1), iotest::ReadError);
    CHECK_THROWS_AS(rewrite("1\n0\n2\n", {"0", "0"}, RewriteOptions{1, false, true}, 1), iotest::ReadError);
}
