using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Jiedan.Files;

/// <summary>
/// Reads only regular files, and only so much of them. The type is decided by stat(2) before anything is opened, so a
/// FIFO, a socket or a device such as /dev/zero is refused without blocking; the open itself is non-blocking and checked
/// again, so a file swapped for a FIFO in between cannot hang the reader either. Sizes are checked before reading.
/// </summary>
public static class RegularFile
{
    /// <summary>The type of <paramref name="path"/> (of the link itself when <paramref name="followLinks"/> is false); never opens
    /// it.</summary>
    public static FileKind KindOf(string path, bool followLinks = true) => Posix.Kind(path, followLinks);

    /// <summary>Opens a regular file for reading.</summary>
    /// <param name="followLinks">false refuses a symbolic link as the last component (for paths already resolved and confined).</param>
    /// <exception cref="FileRefusedException">not a regular file.</exception>
    /// <exception cref="FileNotFoundException">it does not exist.</exception>
    public static SafeFileHandle Open(string path, bool followLinks = true)
    {
        var kind = Posix.Kind(path, followLinks);
        if (kind == FileKind.Missing) throw new FileNotFoundException($"{path}: no such file", path);
        if (kind == FileKind.SymbolicLink) throw new FileRefusedException(path, "a symbolic link (not followed)");
        if (kind != FileKind.Regular) throw new FileRefusedException(path, Posix.NotRegular(kind));
        return Posix.OpenRegular(path, followLinks);
    }

    /// <summary>
    /// Opens a path a directory walk has just found to be a regular file, with two system calls fewer than <see cref="Open"/>: no
    /// stat before the open (the non-blocking open and the check of the open descriptor keep a FIFO or device swapped in since
    /// from being read), and its size from that same check.
    /// </summary>
    /// <exception cref="FileRefusedException">no longer a regular file, or a symbolic link while <paramref name="followLinks"/> is
    /// false.</exception>
    /// <exception cref="FileNotFoundException">it no longer exists.</exception>
    public static SafeFileHandle OpenFound(string path, bool followLinks, out long length) =>
        Posix.OpenRegular(path, followLinks, out length);

    /// <summary>Opens a regular file no larger than <paramref name="maxBytes"/> as a read-only stream.</summary>
    /// <exception cref="FileRefusedException">not a regular file, or too large.</exception>
    public static FileStream OpenRead(string path, long maxBytes, bool followLinks = true)
    {
        var handle = Open(path, followLinks);
        try
        {
            EnsureAtMost(path, RandomAccess.GetLength(handle), maxBytes);
            return new FileStream(handle, FileAccess.Read, bufferSize: 16 * 1024);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The whole content of a regular file no larger than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, bool followLinks = true)
    {
        using var handle = Open(path, followLinks);
        var length = RandomAccess.GetLength(handle);
        EnsureAtMost(path, length, maxBytes);
        var content = new byte[length];
        var total = ReadAt(handle, content, 0);
        return total == content.Length ? content : content[..total];
    }

    /// <summary>The text (UTF-8, a BOM dropped) of a regular file no larger than <paramref name="maxBytes"/>.</summary>
    public static string ReadAllText(string path, long maxBytes, bool followLinks = true)
    {
        var bytes = ReadAllBytes(path, maxBytes, followLinks);
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[Encoding.UTF8.Preamble.Length..];
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>A reader over a regular file no larger than <paramref name="maxBytes"/> (UTF-8, BOM detected).</summary>
    public static StreamReader OpenText(string path, long maxBytes, bool followLinks = true) =>
        new(OpenRead(path, maxBytes, followLinks), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/> until it is full or the file ends; returns the bytes
    /// read.</summary>
    public static int ReadAt(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <exception cref="FileRefusedException">the length is above the cap.</exception>
    public static void EnsureAtMost(string path, long length, long maxBytes)
    {
        if (length > maxBytes) throw new FileRefusedException(path, $"larger than the limit of {Size(maxBytes)} ({Size(length)})");
    }

    /// <summary>"100 MiB", "2.0 GiB", "512 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
