using System.Buffers;
using System.IO.Hashing;
using Jiedan.Loc.Classification;
using Jiedan.Loc.Languages;
using Jiedan.Loc.Walking;
using Microsoft.Win32.SafeHandles;

namespace Jiedan.Loc.Counting;

/// <summary>Reads one file into a reused buffer, decides its language and kind, and counts its lines.</summary>
internal sealed class FileCounter
{
    private const int SniffBytes = 1024;
    private readonly LanguageDetector _detector;
    private readonly Dictionary<Language, CompiledSyntax> _syntaxes;
    private readonly bool _hash;

    public FileCounter(LanguageDetector detector, LocOptions options)
    {
        _detector = detector;
        _hash = options.Dedupe;
        _syntaxes = LanguageTable.All.ToDictionary(l => l, l => new CompiledSyntax(l.Syntax, options.ClocCompatible));
    }

    /// <param name="Hash">XxHash128 of the content when duplicates are to be removed.</param>
    public sealed record Outcome(FileResult? Result, SkippedFile? Skipped, UInt128 Hash);

    public Outcome Count(SourceFile file, ref byte[] buffer)
    {
        var name = Path.GetFileName(file.FullPath);
        var language = _detector.ByName(name, out var needsFirstLine);
        if (language is null && !needsFirstLine) return Skip(file, "unknown language");
        try
        {
            using var handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = RandomAccess.GetLength(handle);
            if (length == 0) return Skip(file, "empty");
            if (length > int.MaxValue) return Skip(file, "larger than 2 GiB");

            var read = ReadInto(handle, ref buffer, language is null ? (int)Math.Min(length, SniffBytes) : (int)length);
            var head = buffer.AsSpan(0, read);
            if (BinaryContent.IsBinary(head)) return Skip(file, "binary");
            if (language is null)
            {
                var nl = head.IndexOf((byte)'\n');
                language = _detector.ByFirstLine(nl < 0 ? head : head[..nl]);
                if (language is null) return Skip(file, "unknown language");
                if (read < length) read = ReadInto(handle, ref buffer, (int)length);
            }
            var content = buffer.AsSpan(0, read);
            if (language == _detector.ObjectiveC && !_detector.LooksLikeObjectiveC(content)) return Skip(file, "unknown language (.m, not Objective-C)");

            var lines = LineClassifier.Count(content, _syntaxes[language]);
            var traits = new FileTraits(TestCode.IsTest(file.RelativePath), file.InVendorDirectory, GeneratedCode.IsGenerated(content));
            var hash = _hash ? XxHash128.HashToUInt128(content) : default;
            return new Outcome(new FileResult(file.RelativePath, language.Name, lines, traits, read, InTotals: true), null, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Skip(file, $"unreadable: {e.Message}");
        }
    }

    private static Outcome Skip(SourceFile file, string reason) => new(null, new SkippedFile(file.RelativePath, reason), default);

    private static int ReadInto(SafeFileHandle handle, ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(length);
        }
        var total = 0;
        while (total < length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(total, length - total), total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
