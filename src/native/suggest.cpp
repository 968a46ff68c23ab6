#include "native/suggest.hpp"

#include <algorithm>

#include "native/utf8.hpp"

namespace labelscope::cli {

namespace {

std::u32string code_points(const std::string& text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char c = utf8_at(text, i);
        out.push_back(c.code);
        i += c.length;
    }
    return out;
}

// Optimal string alignment distance ('lables' is one edit from 'labels').
std::size_t distance(const std::u32string& s, const std::u32string& t) {
    std::vector<std::vector<std::size_t>> d(s.size() + 1, std::vector<std::size_t>(t.size() + 1, 0));
    for (std::size_t i = 0; i <= s.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= t.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= s.size(); ++i) {
        for (std::size_t j = 1; j <= t.size(); ++j) {
            const std::size_t cost = s[i - 1] == t[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[s.size()][t.size()];
}

}  // namespace

std::string nearest_name(const std::string& typed, std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    const std::u32string t = code_points(typed);
    const std::size_t most = std::min<std::size_t>(2, std::max<std::size_t>(1, t.size() / 3));
    std::string best;
    std::size_t best_distance = most + 1;
    for (const std::string& name : names) {
        const std::size_t d = distance(t, code_points(name));
        if (d < best_distance) {
            best = name;
            best_distance = d;
        }
    }
    if (!best.empty() || t.size() < 3) return best;
    std::string begun;
    for (const std::string& name : names) {
        if (name.compare(0, typed.size(), typed) != 0) continue;
        if (!begun.empty()) return "";
        begun = name;
    }
    return begun;
}

std::string flag_suggestion(const std::string& option, const std::vector<std::string>& names) {
    if (option.size() < 3 || option.compare(0, 2, "--") != 0 || option[2] == '-') return "";
    const std::string name = nearest_name(option.substr(2), names);
    return name.empty() ? "" : " Did you mean --" + name + "?";
}

std::string command_suggestion(const std::string& command, const std::vector<std::string>& names) {
    const std::string name = nearest_name(command, names);
    return name.empty() ? "" : " Did you mean " + name + "?";
}

}  // namespace labelscope::cli
