/* thutuc search engine: folds a query like generator/search/fold.py (line for line: change
 * both together) and ranks the pages of the index written by generator/search/index.py.
 * In the browser it is `thutucEngine` for box.js (site_index.py joins the two files into one
 * script); in Node (tests/search_harness.js) it is a module. */
(function () {
  "use strict";

  /* ---- folding: mirror of fold.py ---- */
  var LETTERS = {"đ": "d", "ƀ": "b", "ɓ": "b", "ɗ": "d", "ø": "o", "ł": "l", "ħ": "h", "ŧ": "t"};
  var VOWELS = "aeiouy";
  var APOSTROPHES = "'\u2019";
  function isWordChar(ch) { return /[\p{L}\p{M}\p{N}]/u.test(ch); }
  function isDigit(ch) { return /\p{Nd}/u.test(ch); }

  function words(text) {
    var chars = Array.from(text.normalize("NFD").toLowerCase());
    var result = [], current = "";
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      if (isWordChar(ch)) {
        current += ch;
      } else if (ch === "." && current && isDigit(Array.from(current).pop()) &&
                 i + 1 < chars.length && isDigit(chars[i + 1])) {
        current += ch;
      } else if (APOSTROPHES.indexOf(ch) >= 0 && current && i + 1 < chars.length &&
                 isWordChar(chars[i + 1])) {
        continue;
      } else if (current) {
        result.push(current);
        current = "";
      }
    }
    if (current) result.push(current);
    return result;
  }

  function base(word) {
    return Array.from(word).filter(function (ch) { return !/\p{Mn}/u.test(ch); })
      .map(function (ch) { return LETTERS[ch] || ch; }).join("");
  }

  function finalYIsI(b) {
    var chars = Array.from(b), n = chars.length;
    return n >= 2 && chars[n - 1] === "y" && VOWELS.indexOf(chars[n - 2]) < 0 &&
      /\p{L}/u.test(chars[n - 2]);
  }

  function fold(word) {
    var b = base(word);
    return finalYIsI(b) ? b.slice(0, -1) + "i" : b;
  }

  function keep(word) {
    if (finalYIsI(base(word))) {
      var cut = word.lastIndexOf("y");
      word = word.slice(0, cut) + "i" + word.slice(cut + 1);
    }
    return word.normalize("NFC");
  }

  /* ---- searching ---- */
  var PREFIX_SHARDS = 8;  // at most this many extra shards for a word still being typed
  var RESULTS = 10;
  var CANDIDATES = 20;  // the best this many are re-ranked once their titles are loaded
  var TITLE_LEAD = ["thu", "tuc"];  // "Thủ tục ...": not counted, as in index.py
  var WHOLE = "|";  // ends a whole title or keyword in the index, as in index.py
  var MAX_WORDS = 8;  // words of a query that are searched; runs of them are phrases

  /* What to look up for a query: its words; each run of two or more words as a whole title
   * or keyword ("lam giay khai sinh" in "lam giay khai sinh o dau"); each pair of neighbouring
   * words, found side by side in a title or keyword ("khai sinh"). Only the word being typed
   * (the last one, no space after it) matches as a prefix, from 2 letters on; when it carries
   * accents, only words that begin with those accents ("già" is not "giao"). */
  function parse(query) {
    // Only the first words count: a pasted paragraph must not download half the index.
    var list = words(query).slice(0, MAX_WORDS), seen = {}, lookups = [];
    var typing = !/\s$/.test(query);
    var folded = list.map(fold);
    function add(kind, term, keepForm, prefix, size) {
      if (seen[kind + term + prefix]) return;
      seen[kind + term + prefix] = true;
      lookups.push({kind: kind, term: kind === "whole" && !prefix ? term + WHOLE : term,
                    keep: keepForm, accented: keepForm !== term, prefix: prefix, size: size});
    }
    list.forEach(function (word, i) {
      var prefix = typing && i === list.length - 1 && folded[i].length >= 2;
      add("word", folded[i], keep(word), prefix, 1);
    });
    for (var start = 0; start < folded.length; start++) {
      for (var end = start + 2; end <= folded.length; end++) {
        var run = folded.slice(start, end).join(" "), last = end === list.length && typing;
        add("whole", run, run, last, end - start);
        if (end === start + 2) add("pair", run, run, last, 2);
      }
    }
    return lookups;
  }

  /* Does index `term` answer `lookup`? Words never have spaces, pairs one, whole titles and
   * keywords end with WHOLE. */
  function fits(lookup, term) {
    if (term === lookup.term) return true;
    if (!lookup.prefix || term.indexOf(lookup.term) !== 0) return false;
    var whole = term.slice(-1) === WHOLE;
    if (lookup.kind === "whole") return whole;
    return !whole && term.split(" ").length === lookup.term.split(" ").length;
  }

  /* The shard holding `term`: its longest prefix that is a shard key (in code points, as
   * index.py cuts them). */
  function longestKey(shards, term) {
    var chars = Array.from(term);
    for (var n = chars.length; n >= 0; n--) {
      var key = chars.slice(0, n).join("");
      if (Object.prototype.hasOwnProperty.call(shards, key)) return key;
    }
    return null;
  }

  function shardKeys(shards, lookup) {
    var keys = [], own = longestKey(shards, lookup.term);
    if (own !== null) keys.push(own);
    if (lookup.prefix && lookup.term.length >= 3) {
      Object.keys(shards).sort().forEach(function (key) {
        if (key !== own && key.indexOf(lookup.term) === 0 && keys.length <= PREFIX_SHARDS) {
          keys.push(key);
        }
      });
    }
    return keys;
  }

  /* Does a spelling in the index begin with the accents typed? Compared decomposed, so that
   * "giâ" (a tone mark still to come) begins "giấy". */
  function accentsAgree(lookup, spelling) {
    return spelling.normalize("NFD").indexOf(lookup.keep.normalize("NFD")) === 0;
  }

  /* Per document: the best weight of this lookup, whether it is in a title, code or keyword
   * (strong), whether it has the accents as typed (exact), and whether the whole word is
   * there rather than a longer word it begins (whole). */
  function match(lookup, shardsData, total) {
    var hits = {};
    shardsData.forEach(function (shard) {
      Object.keys(shard).forEach(function (term) {
        if (!fits(lookup, term)) return;
        var whole = term === lookup.term;
        var variants = whole || !lookup.accented ? shard[term] :
          shard[term].filter(function (variant) { return accentsAgree(lookup, variant[0]); });
        var count = 0;
        variants.forEach(function (variant) { count += variant[1].length; });
        var idf = Math.log(1 + total / count) * (whole ? 1 : 0.7);
        variants.forEach(function (variant) {
          var exact = lookup.accented && variant[0] === lookup.keep, value = 0;
          variant[1].forEach(function (delta) {
            value += delta;
            var doc = Math.floor(value / 64), score = (value % 32) * idf * (exact ? 2 : 1);
            var hit = hits[doc] ||
              (hits[doc] = {score: 0, strong: false, exact: false, whole: false});
            hit.score = Math.max(hit.score, score);
            hit.strong = hit.strong || value % 64 >= 32;
            hit.exact = hit.exact || exact;
            hit.whole = hit.whole || whole;
          });
        });
      });
    });
    return hits;
  }

  /* Every document matching a word, with its rank keys: `all` says every word of the query
   * is in it as a whole word; `tier` counts the query's words found in its title, code or
   * keywords, its pairs of words found side by side there, and the words of the longest run
   * of the query that is one of its titles or keywords; body words only add to `score`. */
  function rank(lookups, hits) {
    var docs = {}, wordCount = 0;
    lookups.forEach(function (lookup, i) {
      if (lookup.kind === "word") wordCount += 1;
      Object.keys(hits[i]).forEach(function (doc) {
        var hit = hits[i][doc], d = docs[doc];
        if (lookup.kind !== "word") {
          if (!d) return;  // phrases only rank pages that match words
          if (lookup.kind === "pair") d.tier += 1;
          else d.phrase = Math.max(d.phrase, lookup.size);
          return;
        }
        d = d || (docs[doc] = {doc: +doc, matched: 0, whole: 0, tier: 0, phrase: 0, exact: 0,
                               score: 0});
        d.matched += 1;
        d.whole += hit.whole ? 1 : 0;
        d.tier += hit.strong ? 1 : 0;
        d.exact += hit.exact ? 1 : 0;
        d.score += hit.score;
      });
    });
    var all = Object.keys(docs).map(function (k) {
      docs[k].tier += docs[k].phrase;
      docs[k].all = docs[k].whole === wordCount ? 1 : 0;
      return docs[k];
    });
    // Pages with fewer than half of the words are noise ("o", "dau" in "... o dau"), unless
    // nothing has more; so is a page found only by the start of the word being typed when
    // the query has other words ("gia" in "tien gia" begins "giay", on every page).
    var most = all.filter(function (d) {
      return 2 * d.matched >= wordCount && (d.whole > 0 || wordCount === 1);
    });
    return (most.length ? most : all).sort(order);
  }

  /* Pages with every word of the query first, then title, code, keyword and phrase
   * matches, then the accents as typed, then score. */
  function order(a, b) {
    return b.all - a.all || b.tier - a.tier || b.exact - a.exact || b.score - a.score ||
      a.doc - b.doc;
  }

  /* The share of a title's words that the query names: "Đăng ký kết hôn" is a better answer
   * to "ket hon" than "Đăng ký kết hôn lưu động". Only known once the title is loaded. */
  function titleCover(lookups, title) {
    var ws = words(title).map(fold);
    if (ws[0] === TITLE_LEAD[0] && ws[1] === TITLE_LEAD[1]) ws = ws.slice(2);
    if (!ws.length) return 0;
    return ws.filter(function (w) {
      return lookups.some(function (l) {
        return l.kind === "word" && (w === l.term || (l.prefix && w.indexOf(l.term) === 0));
      });
    }).length / ws.length;
  }

  /* Search with `loadFile(name)` -> Promise of a file's data; the manifest is `manifestName`.
   * Resolves to null for an empty query, else {count, docs: [[id, title, code, teaser]...],
   * incomplete}. On a broken connection, files that do not load count as empty (what was
   * loaded before still answers) and `incomplete` is true; only a missing manifest fails. */
  function search(query, manifestName, loadFile) {
    var lookups = parse(query), incomplete = false;
    if (!lookups.length) return Promise.resolve(null);
    function tryLoad(name) {
      return loadFile(name).catch(function () { incomplete = true; return null; });
    }
    return loadFile(manifestName).then(function (m) {
      return Promise.all(lookups.map(function (lookup) {
        return Promise.all(shardKeys(m.shards, lookup).map(function (key) {
          return tryLoad(m.shards[key]).then(function (shard) { return shard || {}; });
        }));
      })).then(function (shardsPerLookup) {
        var ranked = rank(lookups, lookups.map(function (lookup, i) {
          return match(lookup, shardsPerLookup[i], m.n);
        }));
        var top = ranked.slice(0, CANDIDATES);
        return Promise.all(top.map(function (r) {
          return tryLoad(m.docs[Math.floor(r.doc / m.block)]);
        })).then(function (blocks) {
          var shown = top.filter(function (r, i) {
            r.entry = blocks[i] && blocks[i][r.doc % m.block];
            if (r.entry) r.score *= 1 + titleCover(lookups, r.entry[1]);
            return r.entry;
          });
          return {count: ranked.length, incomplete: incomplete,
                  docs: shown.sort(order).slice(0, RESULTS).map(function (r) { return r.entry; })};
        });
      });
    });
  }

  var api = {words: words, fold: fold, keep: keep, search: search};
  if (typeof window === "undefined") module.exports = api; else window.thutucEngine = api;
})();
