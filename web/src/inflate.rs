//! Raw DEFLATE (RFC 1951) decoding for share links: stored, fixed and dynamic
//! Huffman blocks, with canonical codes read a bit at a time (as zlib's `puff`).
//!
//! miniz_oxide's inflate cost the bundle 7.6 KB gzip; this one costs 3.2 KB and
//! gives the same verdicts (see the tests). Links are a few KB, so decoding speed
//! matters less than size and never panicking. The output is bounded: a stream is
//! refused as soon as it would pass the limit, so a "deflate bomb" costs no more
//! than the limit.

use crate::deflate::{dist_extra, len_extra, CL_ORDER, DIST_BASE, LEN_BASE};

/// Why a stream could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The input ends before the final block does.
    Truncated,
    /// The output would pass the limit.
    TooLarge,
    /// Not DEFLATE: a bad block type, code or distance.
    Corrupt,
}

use InflateError::{Corrupt, TooLarge, Truncated};

/// The longest code DEFLATE allows.
const MAX_BITS: usize = 15;
/// The most symbols a code has: the fixed literal/length code's 288.
const MAX_SYMBOLS: usize = 288;

/// Bits LSB first, as DEFLATE packs them.
struct Bits<'a> {
    data: &'a [u8],
    /// The next byte of `data` to load.
    pos: usize,
    acc: u32,
    n: u32,
}

impl Bits<'_> {
    /// The next `bits` bits (at most 16) as a number, first bit lowest.
    fn get(&mut self, bits: u32) -> Result<u32, InflateError> {
        while self.n < bits {
            let byte = *self.data.get(self.pos).ok_or(Truncated)?;
            self.acc |= u32::from(byte) << self.n;
            self.pos += 1;
            self.n += 8;
        }
        let v = self.acc & ((1 << bits) - 1);
        self.acc >>= bits;
        self.n -= bits;
        Ok(v)
    }

    /// Drops the bits left in the current byte, for a stored block.
    fn align(&mut self) {
        self.acc = 0;
        self.n = 0;
    }
}

/// A canonical Huffman code: how many codes of each length, and the symbols in
/// code order. Arrays rather than vectors: they cost the bundle less.
struct Huffman {
    count: [u16; MAX_BITS + 1],
    symbols: [u16; MAX_SYMBOLS],
}

impl Huffman {
    /// The code with these code lengths (0: the symbol is unused). An over-subscribed
    /// set is refused, and so is an incomplete one unless it has at most one code
    /// (a stream that uses no distances may say so with a single distance code).
    fn new(lens: &[u8]) -> Result<Huffman, InflateError> {
        let mut count = [0u16; MAX_BITS + 1];
        for &l in lens {
            count[usize::from(l)] += 1;
        }
        count[0] = 0;
        let mut left: i32 = 1;
        for &c in &count[1..] {
            left = (left << 1) - i32::from(c);
            if left < 0 {
                return Err(Corrupt);
            }
        }
        let used: u16 = count.iter().sum();
        if left > 0 && used > 1 {
            return Err(Corrupt);
        }
        let mut offset = [0u16; MAX_BITS + 2];
        for l in 1..=MAX_BITS {
            offset[l + 1] = offset[l] + count[l];
        }
        let mut symbols = [0; MAX_SYMBOLS];
        for (s, &l) in lens.iter().enumerate().filter(|(_, &l)| l > 0) {
            symbols[usize::from(offset[usize::from(l)])] = s as u16;
            offset[usize::from(l)] += 1;
        }
        Ok(Huffman { count, symbols })
    }

    /// The next symbol: reads a bit at a time until the code so far is one of this
    /// length's codes.
    fn decode(&self, bits: &mut Bits) -> Result<usize, InflateError> {
        // `first` is the first code of the current length, `index` its symbol's place.
        let (mut code, mut first, mut index) = (0usize, 0usize, 0usize);
        for &c in &self.count[1..] {
            code |= bits.get(1)? as usize;
            let c = usize::from(c);
            if code < first + c {
                return Ok(usize::from(self.symbols[index + code - first]));
            }
            index += c;
            first = (first + c) << 1;
            code <<= 1;
        }
        Err(Corrupt)
    }
}

/// The codes of a fixed Huffman block (RFC 1951 §3.2.6). The distance code has all
/// 32 five-bit codes, so that it is complete; codes 30 and 31 are refused when read.
fn fixed() -> (Huffman, Huffman) {
    let mut lens = [8u8; 288];
    lens[144..256].fill(9);
    lens[256..280].fill(7);
    // Both sets are complete, so `new` cannot refuse them.
    let none = || Huffman { count: [0; MAX_BITS + 1], symbols: [0; MAX_SYMBOLS] };
    (Huffman::new(&lens).unwrap_or_else(|_| none()), Huffman::new(&[5; 32]).unwrap_or_else(|_| none()))
}

/// The codes of a dynamic Huffman block, read from its header (RFC 1951 §3.2.7).
fn dynamic(bits: &mut Bits) -> Result<(Huffman, Huffman), InflateError> {
    let hlit = bits.get(5)? as usize + 257;
    let hdist = bits.get(5)? as usize + 1;
    let hclen = bits.get(4)? as usize + 4;
    if hlit > 286 || hdist > 30 {
        return Err(Corrupt);
    }
    let mut cl_lens = [0u8; 19];
    for &s in &CL_ORDER[..hclen] {
        cl_lens[s] = bits.get(3)? as u8;
    }
    let cl = Huffman::new(&cl_lens)?;
    let (mut lens, mut n) = ([0u8; 286 + 30], 0);
    while n < hlit + hdist {
        let (len, run) = match cl.decode(bits)? {
            s @ 0..=15 => (s as u8, 1),
            16 if n > 0 => (lens[n - 1], 3 + bits.get(2)?),
            16 => return Err(Corrupt),
            17 => (0, 3 + bits.get(3)?),
            _ => (0, 11 + bits.get(7)?),
        };
        let end = n + run as usize;
        if end > hlit + hdist {
            return Err(Corrupt);
        }
        lens[n..end].fill(len);
        n = end;
    }
    // Without a code for end-of-block the block could not end.
    if lens[256] == 0 {
        return Err(Corrupt);
    }
    Ok((Huffman::new(&lens[..hlit])?, Huffman::new(&lens[hlit..n])?))
}

/// A stored block: its bytes as they are. Like the rest of the output, a block that
/// would pass `limit` is refused as soon as the output is full.
fn stored(bits: &mut Bits, out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
    bits.align();
    let len = bits.get(16)?;
    if bits.get(16)? != !len & 0xffff {
        return Err(Corrupt);
    }
    let (len, have, room) = (len as usize, bits.data.len() - bits.pos, limit - out.len());
    if len > have.min(room) {
        return Err(if room <= have { TooLarge } else { Truncated });
    }
    out.extend_from_slice(&bits.data[bits.pos..bits.pos + len]);
    bits.pos += len;
    Ok(())
}

/// The symbols of a Huffman block, up to its end-of-block code.
fn codes(bits: &mut Bits, out: &mut Vec<u8>, limit: usize, lit: &Huffman, dist: &Huffman) -> Result<(), InflateError> {
    loop {
        let s = lit.decode(bits)?;
        if s < 256 {
            if out.len() == limit {
                return Err(TooLarge);
            }
            out.push(s as u8);
            continue;
        }
        if s == 256 {
            return Ok(());
        }
        let c = s - 257;
        let base = usize::from(*LEN_BASE.get(c).ok_or(Corrupt)?);
        let len = base + bits.get(len_extra(c))? as usize;
        let c = dist.decode(bits)?;
        let base = usize::from(*DIST_BASE.get(c).ok_or(Corrupt)?);
        let d = base + bits.get(dist_extra(c))? as usize;
        if d > out.len() {
            return Err(Corrupt);
        }
        if out.len() + len > limit {
            return Err(TooLarge);
        }
        for _ in 0..len {
            out.push(out[out.len() - d]);
        }
    }
}

/// The bytes that the raw DEFLATE stream `data` inflates to, if at most `limit`.
/// Bytes after the final block are ignored. Never panics.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut bits = Bits { data, pos: 0, acc: 0, n: 0 };
    let mut out = Vec::with_capacity(data.len().saturating_mul(4).min(limit));
    loop {
        let last = bits.get(1)? == 1;
        match bits.get(2)? {
            0 => stored(&mut bits, &mut out, limit)?,
            1 => {
                let (lit, dist) = fixed();
                codes(&mut bits, &mut out, limit, &lit, &dist)?;
            }
            2 => {
                let (lit, dist) = dynamic(&mut bits)?;
                codes(&mut bits, &mut out, limit, &lit, &dist)?;
            }
            _ => return Err(Corrupt),
        }
        if last {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{inflate, InflateError};
    use crate::deflate::deflate;
    use miniz_oxide::deflate::compress_to_vec;
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

    const LIMIT: usize = crate::share::MAX_DATA;

    /// miniz_oxide's inflate, with its errors sorted as `share::decode` sorted them.
    fn miniz(packed: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
        decompress_to_vec_with_limit(packed, limit).map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => InflateError::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => InflateError::Truncated,
            _ => InflateError::Corrupt,
        })
    }

    /// xorshift32 noise: incompressible, with short repeats when `small`.
    fn noise(n: usize, small: bool) -> Vec<u8> {
        let mut x: u32 = 0x1234_5678;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                if small {
                    (x % 7) as u8 + if x.is_multiple_of(5) { b'a' } else { 0 }
                } else {
                    x as u8
                }
            })
            .collect()
    }

    fn cases() -> Vec<Vec<u8>> {
        let mut cases: Vec<Vec<u8>> = vec![
            vec![],
            b"a".to_vec(),
            b"ab".to_vec(),
            vec![b'a'; 300],
            vec![0; 100_000],
            (0..=255).collect(),
            noise(70_000, true),
            noise(100_000, false),
            // Matches as far back as the window goes, and of every length.
            noise(40_000, false).repeat(2),
            (3..=258).flat_map(|n| vec![(n % 251) as u8; n]).collect(),
        ];
        cases.extend(flushq_scenario::presets().iter().map(|p| p.toml.as_bytes().to_vec()));
        cases
    }

    /// A share link's packed bytes: preset "leaky-script" with an answer and a step.
    fn real_link() -> Vec<u8> {
        let scenario = flushq_scenario::load(
            flushq_scenario::preset("leaky-script").map_or("", |p| p.toml),
            flushq_scenario::Format::Toml,
        )
        .expect("the preset loads");
        let shared = crate::share::Shared { scenario, answers: vec![flushq_core::trace::Answer::Connect], step: 9 };
        let link = crate::share::encode(&shared);
        let data = link.strip_prefix("v=1&s=").expect("a v1 link");
        crate::share::unbase64url(data).expect("base64url")
    }

    #[test]
    fn reads_what_our_encoder_writes() {
        for data in cases() {
            assert_eq!(inflate(&deflate(&data), LIMIT), Ok(data.clone()), "{} bytes", data.len());
        }
    }

    /// Stored blocks (level 0), fixed Huffman blocks (miniz_oxide uses them for short
    /// input) and dynamic ones, one block or many.
    #[test]
    fn reads_what_miniz_writes_at_every_level() {
        for data in cases() {
            for level in [0, 1, 6, 9] {
                let packed = compress_to_vec(&data, level);
                assert_eq!(inflate(&packed, LIMIT), Ok(data.clone()), "level {level}, {} bytes", data.len());
            }
        }
    }

    #[test]
    fn decodes_fixed_and_stored_blocks_by_hand() {
        // Fixed Huffman "a" (0x30 + 0x61 -> 8-bit code 10010001), then end-of-block.
        assert_eq!(inflate(&[0x4b, 0x04, 0x00], LIMIT), Ok(b"a".to_vec()));
        // A stored block that is not final, an empty final one, and junk after it.
        let stored = [0x00, 0x02, 0x00, 0xfd, 0xff, b'h', b'i', 0x01, 0x00, 0x00, 0xff, 0xff, 0x99];
        assert_eq!(inflate(&stored, LIMIT), Ok(b"hi".to_vec()));
    }

    /// The limit is miniz_oxide's: `limit` bytes are fine, one more is refused,
    /// whatever the block type.
    #[test]
    fn the_limit_is_exact() {
        for n in [LIMIT - 1, LIMIT, LIMIT + 1] {
            for data in [vec![0; n], noise(n, false)] {
                for level in [0, 1, 9] {
                    let packed = compress_to_vec(&data, level);
                    let expected = if n > LIMIT { Err(InflateError::TooLarge) } else { Ok(data.clone()) };
                    assert_eq!(inflate(&packed, LIMIT), expected, "level {level}, {n} bytes");
                    let cut = &packed[..packed.len() - 1];
                    assert_eq!(inflate(cut, LIMIT).map(|_| ()), miniz(cut, LIMIT).map(|_| ()), "cut, {n} bytes");
                }
            }
            assert_eq!(inflate(&deflate(&vec![7; n]), LIMIT).is_ok(), n <= LIMIT);
        }
        assert_eq!(inflate(&deflate(b"ab"), 1), Err(InflateError::TooLarge));
        assert_eq!(inflate(&deflate(b"ab"), 2), Ok(b"ab".to_vec()));
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let bomb = compress_to_vec(&vec![0; 50 << 20], 9);
        assert_eq!(inflate(&bomb, LIMIT), Err(InflateError::TooLarge));
    }

    #[test]
    fn every_truncation_of_a_real_link_is_truncated() {
        let packed = real_link();
        assert!(inflate(&packed, LIMIT).is_ok());
        for end in 0..packed.len() {
            assert_eq!(inflate(&packed[..end], LIMIT), Err(InflateError::Truncated), "cut at {end}");
        }
        let level0 = compress_to_vec(&inflate(&packed, LIMIT).unwrap_or_default(), 0);
        for end in 0..level0.len() {
            assert_eq!(inflate(&level0[..end], LIMIT), Err(InflateError::Truncated), "stored, cut at {end}");
        }
    }

    /// Every single-bit error in a real link, and random bytes: an error or other
    /// bytes, never a panic, and the same verdict as miniz_oxide's.
    #[test]
    fn corrupted_streams_are_refused_as_miniz_refuses_them() {
        let packed = real_link();
        let mut streams: Vec<Vec<u8>> = Vec::new();
        for bit in 0..packed.len() * 8 {
            let mut bad = packed.clone();
            bad[bit / 8] ^= 1 << (bit % 8);
            streams.push(bad);
        }
        let bytes = noise(200_000, false);
        let mut at = 0;
        for n in (0..2000).map(|i| i % 97 + 1) {
            streams.push(bytes[at..at + n].to_vec());
            at += n;
        }
        // Block types 0-3 as first bits, then noise.
        for t in 0..8u8 {
            streams.push([&[t][..], &bytes[..64]].concat());
        }
        for s in streams {
            assert_eq!(inflate(&s, LIMIT), miniz(&s, LIMIT), "{s:02x?}");
        }
    }

    #[test]
    fn malformed_headers_are_corrupt() {
        // Block type 3.
        assert_eq!(inflate(&[0x07], LIMIT), Err(InflateError::Corrupt));
        // Stored: NLEN is not the complement of LEN.
        assert_eq!(inflate(&[0x01, 0x01, 0x00, 0x00, 0x00, b'x'], LIMIT), Err(InflateError::Corrupt));
        // Fixed: a distance before the start of the output (length 3, distance 1).
        assert_eq!(inflate(&[0x03, 0x02, 0x00], LIMIT), Err(InflateError::Corrupt));
        assert_eq!(inflate(&[], LIMIT), Err(InflateError::Truncated));
    }
}
