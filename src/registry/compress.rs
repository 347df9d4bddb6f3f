//! Layer compression for pushes from sources that hold plain tars (the Docker
//! engine, `docker save` archives, OCI layouts written uncompressed): gzip,
//! which every runtime pulls, or zstd. Both are deterministic, so the same
//! layer always becomes the same blob and the same image the same digest.
//!
//! gzip is block-parallel, as pigz is: the layer is cut into 1 MiB chunks,
//! each deflated on its own core and ended with a full flush, so the pieces
//! join into one deflate stream; one gzip header, the CRC and length of the
//! whole layer at the end. The chunk size, level and header are fixed, so the
//! bytes do not depend on how many cores did the work. zstd uses libzstd's
//! own workers, whose output does not depend on their number either.

use std::io::{Read, Write};

use flate2::{Compress, Compression as Level, FlushCompress};
use sha2::{Digest as _, Sha256};

use crate::model::Digest;

/// How a layer that arrives uncompressed is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Compression {
    /// gzip: every runtime pulls it (the default).
    #[default]
    Gzip,
    /// zstd: smaller and faster to unpack; containerd 1.5+, Docker 23+, podman.
    Zstd,
    /// As it came: plain tar.
    None,
}

/// The bytes of one chunk: what a core deflates at a time.
const CHUNK: usize = 1 << 20;
/// gzip's level: 6, as gzip and pigz default to.
const GZIP_LEVEL: u32 = 6;
/// zstd's level: 3, its own default.
const ZSTD_LEVEL: i32 = 3;

/// What a compressed blob is: its digest and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub digest: Digest,
    pub size: u64,
}

/// Most workers a compression uses: neither codec's bytes depend on the number, and libzstd's
/// buffers grow with it (about 17 MiB a worker at level 3).
pub const MAX_THREADS: usize = 8;

/// Writes `input` compressed to `out`: what was read and what was written (digest and size
/// both), so the caller can hold the input to the digest its manifest gave it.
pub fn compress(
    how: Compression,
    input: impl Read,
    out: impl Write,
    threads: usize,
) -> std::io::Result<(Written, Written)> {
    let threads = threads.clamp(1, MAX_THREADS);
    let mut input = Counting { inner: input, hash: Sha256::new(), size: 0 };
    let mut out = Counting { inner: out, hash: Sha256::new(), size: 0 };
    match how {
        Compression::Gzip => gzip(&mut input, &mut out, threads)?,
        Compression::Zstd => zstd_stream(&mut input, &mut out, threads)?,
        Compression::None => {
            std::io::copy(&mut input, &mut out)?;
        }
    }
    out.flush()?;
    Ok((input.written()?, out.written()?))
}

fn gzip(mut input: impl Read, out: &mut impl Write, threads: usize) -> std::io::Result<()> {
    // ID1 ID2, deflate, no flags, mtime 0, no extra flags, OS "unknown": the same on every machine.
    out.write_all(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])?;
    let mut crc = crc32fast::Hasher::new();
    let mut length: u64 = 0;
    loop {
        let mut batch = Vec::with_capacity(threads.max(1));
        for _ in 0..threads.max(1) {
            let chunk = read_chunk(&mut input)?;
            if chunk.is_empty() {
                break;
            }
            batch.push(chunk);
        }
        if batch.is_empty() {
            break;
        }
        for chunk in &batch {
            crc.update(chunk);
            length += chunk.len() as u64;
        }
        let deflated: Vec<std::io::Result<Vec<u8>>> = std::thread::scope(|scope| {
            // A thread that cannot be started is an error, not a panic (a CI container's pid limit).
            let workers: Vec<_> = batch
                .iter()
                .map(|chunk| std::thread::Builder::new().spawn_scoped(scope, || deflate(chunk, FlushCompress::Full)))
                .collect();
            workers
                .into_iter()
                .map(|w| match w {
                    Ok(w) => w.join().unwrap_or_else(|_| Err(std::io::Error::other("a compressor stopped"))),
                    Err(e) => Err(e),
                })
                .collect()
        });
        for piece in deflated {
            out.write_all(&piece?)?;
        }
    }
    // The last block, empty, marks the end of the deflate stream.
    out.write_all(&deflate(&[], FlushCompress::Finish)?)?;
    out.write_all(&crc.finalize().to_le_bytes())?;
    // ISIZE is the length modulo 2^32.
    out.write_all(&(length as u32).to_le_bytes())?;
    Ok(())
}

/// Up to `CHUNK` bytes; fewer only at the end.
fn read_chunk(input: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut chunk = Vec::with_capacity(CHUNK);
    input.by_ref().take(CHUNK as u64).read_to_end(&mut chunk)?;
    Ok(chunk)
}

/// One chunk as raw deflate, on its own (no dictionary from the chunk before: that keeps the
/// chunks independent, at a small cost in size).
fn deflate(chunk: &[u8], flush: FlushCompress) -> std::io::Result<Vec<u8>> {
    let mut compress = Compress::new(Level::new(GZIP_LEVEL), false);
    let mut out = Vec::with_capacity(chunk.len() / 2 + 1024);
    loop {
        let consumed = compress.total_in() as usize;
        out.reserve(64 * 1024);
        let status = compress
            .compress_vec(&chunk[consumed..], &mut out, flush)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let done = compress.total_in() as usize == chunk.len();
        match status {
            flate2::Status::StreamEnd => return Ok(out),
            // A full flush is complete once all input is in and the output buffer was not filled.
            _ if done && flush == FlushCompress::Full && out.len() < out.capacity() => return Ok(out),
            _ => {}
        }
    }
}

fn zstd_stream(mut input: impl Read, out: &mut impl Write, threads: usize) -> std::io::Result<()> {
    let mut encoder = zstd::stream::write::Encoder::new(out, ZSTD_LEVEL)?;
    // At least one worker: then the output is the same whatever their number.
    encoder.multithread(threads.max(1) as u32)?;
    encoder.include_checksum(true)?;
    std::io::copy(&mut input, &mut encoder)?;
    encoder.finish()?;
    Ok(())
}

/// A reader or writer that hashes and counts what passes through it.
struct Counting<T> {
    inner: T,
    hash: Sha256,
    size: u64,
}

impl<T> Counting<T> {
    fn written(self) -> std::io::Result<Written> {
        let digest = format!("sha256:{}", hex::encode(self.hash.finalize()))
            .parse()
            .map_err(|e: crate::model::InvalidInput| std::io::Error::other(e.0))?;
        Ok(Written { digest, size: self.size })
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLDEN_GZIP: &str = "sha256:1eeec30ca74802043ee8e751e09e3d94cc1653ef21d95d6f21d65defeae11f86";
    const GOLDEN_ZSTD: &str = "sha256:83c8182c78c7deaa1b34604eff7f370b4e36155b98c4f5899222c7a5e7f8f850";

    fn layer(bytes: usize) -> Vec<u8> {
        // Compressible, and not all the same: like a file system.
        (0..bytes).map(|i| ((i * 31) % 251) as u8 ^ ((i / 4096) as u8)).collect()
    }

    #[test]
    fn gzip_unpacks_to_the_same_bytes_and_does_not_depend_on_the_cores() {
        for size in [0, 1, CHUNK - 1, CHUNK, 3 * CHUNK + 17] {
            let input = layer(size);
            let mut one = Vec::new();
            let (read, written) = compress(Compression::Gzip, &input[..], &mut one, 1).unwrap();
            assert_eq!(read.size, size as u64);
            let mut four = Vec::new();
            assert_eq!(compress(Compression::Gzip, &input[..], &mut four, 4).unwrap().1, written);
            assert_eq!(one, four, "{size} bytes");
            assert_eq!(written.size, one.len() as u64);
            let mut back = Vec::new();
            flate2::read::GzDecoder::new(&one[..]).read_to_end(&mut back).unwrap();
            assert_eq!(back, input, "{size} bytes");
        }
    }

    /// The bytes are part of the contract: an image pushed again must keep its digest. A new zlib-rs
    /// or libzstd that changes them fails here, before any user's tags stop matching.
    #[test]
    fn the_bytes_stay_the_same_from_release_to_release() {
        let input = layer(2 * CHUNK + 5);
        let digest = |how| compress(how, &input[..], std::io::sink(), 2).unwrap().1.digest.to_string();
        assert_eq!(digest(Compression::Gzip), GOLDEN_GZIP);
        assert_eq!(digest(Compression::Zstd), GOLDEN_ZSTD);
    }

    #[test]
    fn incompressible_data_is_kept_whole() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let input: Vec<u8> = (0..CHUNK + 77)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let mut out = Vec::new();
        compress(Compression::Gzip, &input[..], &mut out, 2).unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&out[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, input);
    }

    #[test]
    fn zstd_unpacks_to_the_same_bytes_and_does_not_depend_on_the_cores() {
        // More than three of libzstd's 8 MiB jobs, so the workers split it.
        let input = layer(26 * CHUNK + 3);
        let (mut one, mut two) = (Vec::new(), Vec::new());
        let written = compress(Compression::Zstd, &input[..], &mut one, 1).unwrap().1;
        assert_eq!(compress(Compression::Zstd, &input[..], &mut two, 4).unwrap().1, written);
        assert_eq!(one, two);
        assert_eq!(zstd::stream::decode_all(&one[..]).unwrap(), input);
    }
}
