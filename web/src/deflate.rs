//! Raw DEFLATE (RFC 1951) for share links: LZ77 with hash chains and lazy
//! matching, then one block of dynamic Huffman codes.
//!
//! miniz_oxide's compressor cost the bundle 9 KB gzip; this one costs under 3 KB
//! and packs the presets within a few bytes of miniz_oxide's level 9 (see
//! `web/tests/share.rs`). Links are read by our own inflate (`inflate.rs`), which
//! shares the length and distance tables below.

/// The LZ77 window.
const WINDOW: usize = 1 << 15;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// How many earlier positions with the same hash a match search tries.
const MAX_CHAIN: usize = 256;
const HASH_BITS: u32 = 15;
const NONE: usize = usize::MAX;

/// First length of length codes 257..=285.
pub(crate) const LEN_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
/// First distance of distance codes 0..=29.
pub(crate) const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
/// The order code-length code lengths are sent in.
pub(crate) const CL_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/// Extra bits after length code `257 + code`.
pub(crate) fn len_extra(code: usize) -> u32 {
    if (8..28).contains(&code) {
        (code as u32 - 4) / 4
    } else {
        0
    }
}

/// Extra bits after distance code `code`.
pub(crate) fn dist_extra(code: usize) -> u32 {
    if code < 4 {
        0
    } else {
        (code as u32 - 2) / 2
    }
}

/// The last code whose base is at most `v`.
fn code_of(bases: &[u16], v: usize) -> usize {
    bases.iter().rposition(|&b| usize::from(b) <= v).unwrap_or(0)
}

/// A literal byte (`dist == 0`) or a match of `len` bytes `dist` back.
#[derive(Clone, Copy)]
struct Token {
    len: u16,
    dist: u16,
}

/// The hash chains: for each hash the last position, for each position the one before.
struct Matcher<'a> {
    data: &'a [u8],
    head: Vec<usize>,
    prev: Vec<usize>,
}

impl Matcher<'_> {
    fn hash(&self, i: usize) -> usize {
        let d = self.data;
        (((d[i] as usize) << 10) ^ ((d[i + 1] as usize) << 5) ^ d[i + 2] as usize) & ((1 << HASH_BITS) - 1)
    }

    fn insert(&mut self, i: usize) {
        if i + MIN_MATCH <= self.data.len() {
            let h = self.hash(i);
            self.prev[i] = self.head[h];
            self.head[h] = i;
        }
    }

    /// The longest earlier match at `i` as `(len, dist)`; `len` is 0 if none.
    fn find(&self, i: usize) -> (usize, usize) {
        let d = self.data;
        let max = (d.len() - i).min(MAX_MATCH);
        if max < MIN_MATCH {
            return (0, 0);
        }
        let (mut best, mut dist) = (0, 0);
        let mut cand = self.head[self.hash(i)];
        let mut chain = MAX_CHAIN;
        while cand != NONE && i - cand <= WINDOW && chain > 0 {
            if d[cand + best.min(max - 1)] == d[i + best.min(max - 1)] {
                let n = d[cand..].iter().zip(&d[i..i + max]).take_while(|(a, b)| a == b).count();
                if n > best {
                    (best, dist) = (n, i - cand);
                    if n == max {
                        break;
                    }
                }
            }
            cand = self.prev[cand];
            chain -= 1;
        }
        if best < MIN_MATCH {
            (0, 0)
        } else {
            (best, dist)
        }
    }
}

/// LZ77 tokens of `data`: a match is taken unless the next position has a longer one.
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut m = Matcher { data, head: vec![NONE; 1 << HASH_BITS], prev: vec![NONE; data.len()] };
    let mut out = Vec::new();
    // The match found at `i - 1`, whose byte is not yet emitted.
    let mut pending: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < data.len() {
        let here = m.find(i);
        m.insert(i);
        if let Some((len, dist)) = pending {
            if len >= MIN_MATCH && here.0 <= len {
                out.push(Token { len: len as u16, dist: dist as u16 });
                for j in i + 1..i - 1 + len {
                    m.insert(j);
                }
                i = i - 1 + len;
                pending = None;
                continue;
            }
            out.push(Token { len: u16::from(data[i - 1]), dist: 0 });
        }
        pending = Some(here);
        i += 1;
    }
    if pending.is_some() {
        out.push(Token { len: u16::from(data[data.len() - 1]), dist: 0 });
    }
    out
}

/// Huffman code lengths for `freq`, none longer than `limit`. At least two symbols
/// get a code, so that every tree is complete.
fn lengths(freq: &[u32], limit: u32) -> Vec<u32> {
    let mut freq = freq.to_vec();
    for s in 0..2 {
        if freq.iter().filter(|&&f| f > 0).count() < 2 && freq[s] == 0 {
            freq[s] = 1;
        }
    }
    loop {
        // Nodes: the used symbols, then the merged ones; `parent` links them.
        let leaves: Vec<usize> = (0..freq.len()).filter(|&s| freq[s] > 0).collect();
        let mut weight: Vec<u64> = leaves.iter().map(|&s| u64::from(freq[s])).collect();
        let mut parent = vec![NONE; leaves.len()];
        let mut open: Vec<usize> = (0..leaves.len()).collect();
        while open.len() > 1 {
            let mut take = || {
                let k = (0..open.len()).min_by_key(|&k| weight[open[k]]).unwrap_or(0);
                open.swap_remove(k)
            };
            let (a, b) = (take(), take());
            let n = weight.len();
            weight.push(weight[a] + weight[b]);
            parent.push(NONE);
            parent[a] = n;
            parent[b] = n;
            open.push(n);
        }
        let mut out = vec![0; freq.len()];
        let mut longest = 0;
        for (k, &s) in leaves.iter().enumerate() {
            let (mut depth, mut n) = (0, k);
            while parent[n] != NONE {
                depth += 1;
                n = parent[n];
            }
            out[s] = depth;
            longest = longest.max(depth);
        }
        if longest <= limit {
            return out;
        }
        // Flatter frequencies give a shallower tree; all ones is balanced.
        for f in freq.iter_mut().filter(|f| **f > 0) {
            *f = (*f >> 1).max(1);
        }
    }
}

/// Canonical codes for `lens`, bit-reversed for the LSB-first writer.
fn codes(lens: &[u32]) -> Vec<u32> {
    let mut count = [0u32; 16];
    for &l in lens {
        count[l as usize] += 1;
    }
    count[0] = 0;
    let mut next = [0u32; 16];
    for b in 1..16 {
        next[b] = (next[b - 1] + count[b - 1]) << 1;
    }
    lens.iter()
        .map(|&l| {
            let c = next[l as usize];
            next[l as usize] += 1;
            if l == 0 {
                0
            } else {
                c.reverse_bits() >> (32 - l)
            }
        })
        .collect()
}

/// Bits LSB first, as DEFLATE packs them.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
}

/// Code lengths run-length encoded with codes 16, 17 and 18: `(symbol, extra)`.
fn runs(lens: &[u32]) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lens.len() {
        let l = lens[i];
        let mut run = lens[i..].iter().take_while(|&&x| x == l).count();
        i += run;
        if l == 0 {
            while run >= 11 {
                let r = run.min(138);
                out.push((18, r as u32 - 11));
                run -= r;
            }
            if run >= 3 {
                out.push((17, run as u32 - 3));
                run = 0;
            }
        } else {
            out.push((l as usize, 0));
            run -= 1;
            while run >= 3 {
                let r = run.min(6);
                out.push((16, r as u32 - 3));
                run -= r;
            }
        }
        out.extend((0..run).map(|_| (l as usize, 0)));
    }
    out
}

/// `data` as one final block of raw DEFLATE with dynamic Huffman codes.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let tokens = tokens(data);
    let mut lit_freq = [0u32; 286];
    let mut dist_freq = [0u32; 30];
    for t in &tokens {
        if t.dist == 0 {
            lit_freq[usize::from(t.len)] += 1;
        } else {
            lit_freq[257 + code_of(&LEN_BASE, usize::from(t.len))] += 1;
            dist_freq[code_of(&DIST_BASE, usize::from(t.dist))] += 1;
        }
    }
    lit_freq[256] = 1;
    let lit_lens = lengths(&lit_freq, 15);
    let dist_lens = lengths(&dist_freq, 15);
    let hlit = lit_lens.iter().rposition(|&l| l > 0).map_or(0, |p| p + 1).max(257);
    let hdist = dist_lens.iter().rposition(|&l| l > 0).map_or(0, |p| p + 1).max(1);
    let all: Vec<u32> = lit_lens[..hlit].iter().chain(&dist_lens[..hdist]).copied().collect();
    let runs = runs(&all);
    let mut cl_freq = [0u32; 19];
    for &(s, _) in &runs {
        cl_freq[s] += 1;
    }
    let cl_lens = lengths(&cl_freq, 7);
    let hclen = CL_ORDER.iter().rposition(|&s| cl_lens[s] > 0).map_or(0, |p| p + 1).max(4);

    let mut w = Bits { out: Vec::with_capacity(data.len() / 2 + 64), acc: 0, n: 0 };
    w.put(0b101, 3); // BFINAL, BTYPE 2
    w.put(hlit as u32 - 257, 5);
    w.put(hdist as u32 - 1, 5);
    w.put(hclen as u32 - 4, 4);
    for &s in &CL_ORDER[..hclen] {
        w.put(cl_lens[s], 3);
    }
    let cl_codes = codes(&cl_lens);
    for (s, extra) in runs {
        w.put(cl_codes[s], cl_lens[s]);
        match s {
            16 => w.put(extra, 2),
            17 => w.put(extra, 3),
            18 => w.put(extra, 7),
            _ => {}
        }
    }
    let (lit_codes, dist_codes) = (codes(&lit_lens), codes(&dist_lens));
    for t in &tokens {
        let (len, dist) = (usize::from(t.len), usize::from(t.dist));
        if dist == 0 {
            w.put(lit_codes[len], lit_lens[len]);
        } else {
            let c = code_of(&LEN_BASE, len);
            w.put(lit_codes[257 + c], lit_lens[257 + c]);
            w.put((len - usize::from(LEN_BASE[c])) as u32, len_extra(c));
            let c = code_of(&DIST_BASE, dist);
            w.put(dist_codes[c], dist_lens[c]);
            w.put((dist - usize::from(DIST_BASE[c])) as u32, dist_extra(c));
        }
    }
    w.put(lit_codes[256], lit_lens[256]);
    if w.n > 0 {
        w.out.push(w.acc as u8);
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::deflate;

    fn inflate(packed: &[u8]) -> Vec<u8> {
        miniz_oxide::inflate::decompress_to_vec(packed).expect("valid DEFLATE")
    }

    #[test]
    fn round_trips_through_miniz_inflate() {
        let mut cases: Vec<Vec<u8>> = vec![
            vec![],
            b"a".to_vec(),
            b"ab".to_vec(),
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_vec(),
            vec![0; 100_000],
            (0..=255).collect(),
            "flushq-share 1\nstep 0\nanswers\n---\ntitle = \"x\"\n".repeat(500).into_bytes(),
        ];
        // Pseudo-random bytes, incompressible and with short repeats.
        let mut x: u32 = 1;
        let mut noise = Vec::new();
        for _ in 0..70_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push((x % 7) as u8 + if x.is_multiple_of(5) { b'a' } else { 0 });
        }
        cases.push(noise.clone());
        cases.push(noise.iter().map(|b| b.wrapping_mul(37)).collect());
        for data in cases {
            assert_eq!(inflate(&deflate(&data)), data, "{} bytes", data.len());
        }
    }
}
