// Dataset::fingerprint keys a person's saved review decisions: the same bytes must give the same
// fingerprint whatever the file names and chunking (every read() in this suite checks chunkings),
// and any change to a byte, a length or a file's role must give another.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "io/fingerprint.hpp"
#include "io_helpers.hpp"

using iotest::labels_file;
using iotest::probs_file;
using iotest::read;

namespace {
const std::string LABELS = "0\n1\n1\n0\n";
const std::string PROBS = "0.9,0.1\n0.2,0.8\n0.4,0.6\n0.7,0.3\n";
}  // namespace

TEST_CASE("fingerprint: 16 hex digits, independent of file names") {
    const auto a = read({labels_file(LABELS, "labels.csv"), probs_file(PROBS, "pred_probs.csv")});
    const auto b = read({labels_file(LABELS, "y (copy).csv"), probs_file(PROBS, "model-output.csv")});
    CHECK(a.fingerprint.size() == 16);
    CHECK(a.fingerprint.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a.fingerprint == b.fingerprint);
}

TEST_CASE("fingerprint: any changed byte, added byte or moved boundary gives another") {
    std::set<std::string> seen;
    const auto fp = [](const std::string& labels, const std::string& probs) {
        return read({labels_file(labels), probs_file(probs)}).fingerprint;
    };
    seen.insert(fp(LABELS, PROBS));
    seen.insert(fp("1\n1\n1\n0\n", PROBS));                                   // a label changed
    seen.insert(fp(LABELS, "0.9,0.1\n0.2,0.8\n0.4,0.6\n0.7,0.30\n"));         // a trailing zero
    seen.insert(fp(LABELS, "0.8,0.2\n0.2,0.8\n0.4,0.6\n0.7,0.3\n"));          // a value changed
    seen.insert(fp(LABELS + "\n", PROBS));                                    // a blank last line
    seen.insert(fp(LABELS, "0.9,0.1\r\n0.2,0.8\r\n0.4,0.6\r\n0.7,0.3\r\n"));  // CRLF
    CHECK(seen.size() == 6);
}

TEST_CASE("fingerprint: the bytes are hashed per file, so moving bytes between files changes it") {
    labelscope::io::Fingerprint one, two;
    const std::string text = "abcdefghijklmnopq";
    one.update(reinterpret_cast<const std::uint8_t*>(text.data()), 9);
    one.end_file(0);
    one.update(reinterpret_cast<const std::uint8_t*>(text.data()) + 9, text.size() - 9);
    one.end_file(1);
    two.update(reinterpret_cast<const std::uint8_t*>(text.data()), 8);
    two.end_file(0);
    two.update(reinterpret_cast<const std::uint8_t*>(text.data()) + 8, text.size() - 8);
    two.end_file(1);
    CHECK(one.hex() != two.hex());
    labelscope::io::Fingerprint roles;  // same split as `one`, roles swapped
    roles.update(reinterpret_cast<const std::uint8_t*>(text.data()), 9);
    roles.end_file(1);
    roles.update(reinterpret_cast<const std::uint8_t*>(text.data()) + 9, text.size() - 9);
    roles.end_file(0);
    CHECK(one.hex() != roles.hex());
}
