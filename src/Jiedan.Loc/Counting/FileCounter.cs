using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;
using Jiedan.Files;
using Jiedan.Loc.Classification;
using Jiedan.Loc.Cloc;
using Jiedan.Loc.Languages;
using Jiedan.Loc.Walking;
using Microsoft.Win32.SafeHandles;

namespace Jiedan.Loc.Counting;

/// <summary>
/// Reads one file into a reused buffer, decides its language and kind, and counts its lines. Only regular files are
/// opened (never a FIFO or a device); files above the size cap are skipped unread; the head is sniffed for binary
/// content before the rest is read, so a huge binary costs one small read.
/// </summary>
internal sealed class FileCounter
{
    private const int SniffBytes = 1024;
    private readonly LanguageDetector _detector;
    private readonly ConcurrentDictionary<Language, CompiledSyntax?> _syntaxes = new(ReferenceEqualityComparer.Instance);
    private readonly Func<Language, CompiledSyntax?> _compile;
    private readonly bool _clocCompatible;
    private readonly bool _hash;
    private readonly long _maxBytes;

    public FileCounter(LanguageDetector detector, LocOptions options)
    {
        _detector = detector;
        _hash = options.Dedupe;
        _maxBytes = options.MaxFileBytes;
        _clocCompatible = options.ClocCompatible;
        _compile = Compile;
        // The fast scanner counts the languages whose grammar is known; in the cloc-compatible mode only those where it is an
        // exact copy of cloc's filters. Every other language is counted by cloc's own filters (ClocCounter).
        // Grammars are compiled on first use, so a one-file run compiles one.
    }

    /// <param name="Hash">XxHash128 of the content when duplicates are to be removed.</param>
    public sealed record Outcome(FileResult? Result, SkippedFile? Skipped, UInt128 Hash);

    public Outcome Count(SourceFile file, ref byte[] buffer)
    {
        var name = Path.GetFileName(file.FullPath);
        var language = _detector.ByName(name, out var needsContent, out var firstLineOnly);
        if (language is null && !needsContent) return Skip(file, "unknown language");
        try
        {
            // The walker hands on resolved paths of regular files: a link swapped in since is refused, not followed.
            using var handle = RegularFile.OpenFound(file.FullPath, followLinks: false, out var length);
            if (length == 0) return Skip(file, "empty");
            if (length > _maxBytes) return Skip(file, $"larger than --max-file-size ({RegularFile.Size(_maxBytes)})");
            if (length > int.MaxValue) return Skip(file, "larger than 2 GiB");

            // a file that fits the buffer is read in one call; a larger one's head first, so a huge binary costs one small read
            var read = ReadInto(handle, ref buffer, 0, length <= buffer.Length ? (int)length : SniffBytes);
            var head = buffer.AsSpan(0, Math.Min(read, SniffBytes));
            if (BinaryContent.IsBinary(head)) return Skip(file, "binary");
            // a name without a known extension is decided by its #! line
            if (language is null && firstLineOnly && (head.Length == length || head.IndexOf((byte)'\n') >= 0))
            {
                language = _detector.ByContent(name, head);
                if (language is null) return Skip(file, "unknown language");
            }
            if (read < length) read = ReadInto(handle, ref buffer, read, (int)length);
            var content = buffer.AsSpan(0, read);
            language ??= _detector.ByContent(name, content);
            if (language is null) return Skip(file, "unknown language");

            var syntax = _syntaxes.GetOrAdd(language, _compile);
            if (syntax is null && content.Length > ClocCounter.MaxBytes) return Skip(file, ClocCounter.TooLarge);
            var lines = syntax is not null ? LineClassifier.Count(content, syntax) : ClocCounter.Count(content, language, name);
            var traits = new FileTraits(TestCode.IsTest(file.RelativePath), file.InVendorDirectory, GeneratedCode.IsGenerated(content));
            var hash = _hash ? XxHash128.HashToUInt128(content) : default;
            return new Outcome(new FileResult(file.RelativePath, language.Name, lines, traits, read, InTotals: true), null, hash);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return Skip(file, "cloc's comment filters exceeded their time limit on this file (as cloc's per-file timeout)");
        }
        catch (FileRefusedException e)
        {
            return Skip(file, e.Problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Skip(file, $"unreadable: {e.Message}");
        }
    }

    private CompiledSyntax? Compile(Language language)
    {
        if (language.Syntax is null || (_clocCompatible && !language.FastMatchesCloc)) return null;
        var syntax = _clocCompatible
            ? language.Syntax with { BackslashContinuation = language.EndOfLineContinuation is not null }
            : language.Syntax;
        return new CompiledSyntax(syntax, _clocCompatible);
    }

    private static Outcome Skip(SourceFile file, string reason) => new(null, new SkippedFile(file.RelativePath, reason), default);

    /// <summary>Reads bytes [<paramref name="from"/>, <paramref name="length"/>) into the buffer, growing it (keeping what it holds) if
    /// needed.</summary>
    private static int ReadInto(SafeFileHandle handle, ref byte[] buffer, int from, int length)
    {
        if (buffer.Length < length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(length);
            buffer.AsSpan(0, from).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        return from + RegularFile.ReadAt(handle, buffer.AsSpan(from, length - from), from);
    }
}
