using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using Jiedan.Files;
using Jiedan.Loc.Counting;
using Jiedan.Loc.Languages;
using Jiedan.Loc.Walking;

namespace Jiedan.Loc;

/// <summary>
/// Counts blank, comment and code lines per language under a directory (or of one file). The walk feeds
/// worker threads that each read into their own reused buffer, so no line is ever turned into a string.
/// </summary>
public static class LocCounter
{
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The root directory cannot be listed.</exception>
    public static LocReport Count(string root, LocOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var full = Path.GetFullPath(root);
        var counter = new FileCounter(LanguageDetector.Default, options);
        var problems = new List<string>();
        var skippedDirectories = new List<string>();
        var skippedFiles = new List<SkippedFile>();
        var outcomes = new ConcurrentBag<FileCounter.Outcome>();

        if (File.Exists(full))
        {
            var file = new SourceFile(ConfinedPath.RealPath(full), Path.GetFileName(full), false);
            // the walker checks the type of every file it hands on before it is opened; a file named as the root is checked here
            var kind = RegularFile.KindOf(file.FullPath, followLinks: false);
            if (kind is not (FileKind.Regular or FileKind.Missing))
            {
                skippedFiles.Add(new SkippedFile(file.RelativePath, $"not a regular file ({kind.Describe()})"));
            }
            else
            {
                var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
                outcomes.Add(counter.Count(file, ref buffer));
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else if (Directory.Exists(full))
        {
            EnsureReadable(full);
            CountTree(full, options, counter, outcomes, problems, skippedDirectories, skippedFiles, ct);
        }
        else
        {
            throw new DirectoryNotFoundException($"{root}: no such file or directory");
        }

        var skipped = outcomes.Where(o => o.Skipped is not null).Select(o => o.Skipped!)
            .Concat(skippedDirectories.Select(d => new SkippedFile(d + "/", "vendor directory (use --include-vendor)")))
            .Concat(skippedFiles)
            .Concat(problems.Select(p => new SkippedFile(p, "unreadable")))
            .ToList();
        var counted = outcomes.Where(o => o.Result is not null).ToList();
        if (options.Dedupe) counted = RemoveDuplicates(counted, skipped);
        return ReportBuilder.Build(full, counted.Select(o => o.Result!), skipped, options, stopwatch.Elapsed);
    }

    /// <summary>Unreadable directories inside the tree are reported and skipped; an unreadable root is an error.</summary>
    private static void EnsureReadable(string root)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(root).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnauthorizedAccessException($"cannot read the directory ({e.Message})", e);
        }
    }

    /// <summary>Files a tree must reach before worker threads are started: a small tree is counted on the calling thread, as
    /// starting and joining threads costs more than counting a few files (and much more on a busy machine).</summary>
    private const int FilesBeforeWorkers = 32;

    private static void CountTree(string root, LocOptions options, FileCounter counter, ConcurrentBag<FileCounter.Outcome> outcomes,
        List<string> problems, List<string> skippedDirectories, List<SkippedFile> skippedFiles, CancellationToken ct)
    {
        var parallelism = Math.Max(1, options.Parallelism ?? Environment.ProcessorCount);
        using var queue = new BlockingCollection<SourceFile>(new ConcurrentQueue<SourceFile>(), 8192);
        var workers = new List<Thread>(parallelism);
        var pending = new List<SourceFile>(FilesBeforeWorkers);
        Exception? failure = null;

        void StartWorkers()
        {
            for (var w = 0; w < parallelism; w++)
            {
                var worker = new Thread(() =>
                {
                    var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
                    try
                    {
                        foreach (var file in queue.GetConsumingEnumerable(ct)) outcomes.Add(counter.Count(file, ref buffer));
                    }
                    catch (OperationCanceledException) { }
                    catch (Exception e) { failure = e; }
                    finally { ArrayPool<byte>.Shared.Return(buffer); }
                }) { IsBackground = true, Name = $"loc-{w}" };
                workers.Add(worker);
                worker.Start();
            }
            foreach (var file in pending) queue.Add(file, ct);
            pending.Clear();
        }

        void Found(SourceFile file)
        {
            if (workers.Count > 0)
            {
                queue.Add(file, ct);
                return;
            }
            pending.Add(file);
            if (pending.Count >= FilesBeforeWorkers) StartWorkers();
        }

        try
        {
            new TreeWalker(options).Walk(root, Found, problems, skippedDirectories, skippedFiles, ct);
        }
        finally
        {
            queue.CompleteAdding();
            foreach (var worker in workers) worker.Join();
        }
        if (pending.Count > 0)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                foreach (var file in pending)
                {
                    ct.ThrowIfCancellationRequested();
                    outcomes.Add(counter.Count(file, ref buffer));
                }
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        }
        ct.ThrowIfCancellationRequested();
        if (failure is not null) throw new InvalidOperationException("line counting failed", failure);
    }

    /// <summary>cloc's remove_duplicate_files/different_files: of files with identical content, the last path in ordinal order is
    /// kept.</summary>
    private static List<FileCounter.Outcome> RemoveDuplicates(List<FileCounter.Outcome> counted, List<SkippedFile> skipped)
    {
        var kept = new List<FileCounter.Outcome>(counted.Count);
        foreach (var group in counted.GroupBy(o => (o.Hash, o.Result!.Bytes)))
        {
            var ordered = group.OrderBy(o => o.Result!.Path, StringComparer.Ordinal).ToList();
            var keep = ordered[^1];
            kept.Add(keep);
            foreach (var duplicate in ordered.SkipLast(1))
                skipped.Add(new SkippedFile(duplicate.Result!.Path, $"duplicate of {keep.Result!.Path}"));
        }
        return kept;
    }
}
