// Fingerprint values are stored (saved review decisions are keyed by them), so speeding up the hash
// must never change them: a fixed input, in pieces of every awkward size, gives the value recorded
// from the first implementation (one word at a time through mix_word).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "io/fingerprint.hpp"

TEST_CASE("fingerprint: the recorded value of a fixed input, whatever the pieces") {
    std::string a;
    for (int i = 0; i < 100003; ++i) a += static_cast<char>((i * 131 + 7) % 251);
    const auto* p = reinterpret_cast<const std::uint8_t*>(a.data());
    for (const std::size_t piece : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{8}, std::size_t{13},
                                    std::size_t{16}, std::size_t{23}, std::size_t{4096}}) {
        INFO("pieces of " << piece);
        labelscope::io::Fingerprint f;
        if (piece == 0)
            f.update(p, a.size());
        else
            for (std::size_t at = 0; at < a.size(); at += piece) f.update(p + at, std::min(piece, a.size() - at));
        f.end_file(1);
        f.update(p, 7);
        f.end_file(0);
        CHECK(f.hex() == "abc38c24a56844d2");
    }
}
