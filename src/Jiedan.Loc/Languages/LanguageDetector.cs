using System.Text;

namespace Jiedan.Loc.Languages;

/// <summary>
/// Picks a file's language the way cloc 1.96's classify_file does: names cloc never counts, exact file name, then the
/// triple, double and single extension (case-sensitive; an ambiguous one such as .m or .ts is decided by content), then a
/// Dockerfile.* style prefix, then the #! line (or an &lt;?xml declaration).
/// </summary>
public sealed class LanguageDetector
{
    private static readonly System.Buffers.SearchValues<char> PerlBlanks = System.Buffers.SearchValues.Create(" \t\n\r\f\v");
    private readonly ClocData _data;
    private readonly Dictionary<string, Language> _byName;

    public static LanguageDetector Default { get; } = new(LanguageTable.All, ClocData.Embedded);

    internal LanguageDetector(IEnumerable<Language> languages, ClocData data)
    {
        _data = data;
        _byName = languages.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    public Language? Get(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The language if the name decides it; otherwise whether the content has to be read (<see cref="ByContent"/>).</summary>
    public Language? ByName(string fileName, out bool needsContent) => ByName(fileName, out needsContent, out _);

    /// <param name="firstLineOnly">When content is needed: whether the first line decides (#! line), not the whole file.</param>
    internal Language? ByName(string fileName, out bool needsContent, out bool firstLineOnly)
    {
        var verdict = Classify(fileName, default, contentKnown: false);
        needsContent = verdict.NeedsContent;
        firstLineOnly = verdict.FirstLineOnly;
        return verdict.Language;
    }

    /// <summary>The full classification, content at hand (for ambiguous extensions and #! lines).</summary>
    public Language? ByContent(string fileName, ReadOnlySpan<byte> content) => Classify(fileName, content, contentKnown: true).Language;

    private readonly record struct Verdict(Language? Language, bool NeedsContent, bool FirstLineOnly = false);

    private Verdict Classify(string file, ReadOnlySpan<byte> content, bool contentKnown)
    {
        if (_data.NotCodeFileNames.Contains(file) || file.EndsWith('~')) return default;
        if (_data.LanguageByFile.TryGetValue(file, out var named)) return Resolve(named, "", content, contentKnown);

        var lookAtFirstLine = false;
        var lastDot = file.LastIndexOf('.');
        if (lastDot >= 0 && lastDot < file.Length - 1)
        {
            foreach (var ext in CandidateExtensions(file))
            {
                if (_data.NotCodeExtensions.Contains(ext)) return default;
                if (_data.LanguageByExtension.TryGetValue(ext, out var byExt))
                {
                    if (byExt != "D/dtrace") return Resolve(byExt, ext, content, contentKnown);
                    if (!contentKnown) return new Verdict(null, true, FirstLineOnly: true);
                    var script = Interpreter(FirstLine(content));
                    if (script.Length == 0) return new Verdict(_byName["D"], false);
                    if (_data.LanguageByScript.TryGetValue(script, out var scripted)) return new Verdict(_byName[scripted], false);
                    continue; // an init.d script in a language cloc does not know: cloc tries the shorter extensions
                }
                lookAtFirstLine = true;
            }
            var stem = Stem(file);
            if (stem.Length > 0 && _data.LanguageByPrefix.TryGetValue(stem, out var prefixed)) return new Verdict(_byName[prefixed], false);
        }
        else if (_data.LanguageByFile.TryGetValue(file.ToLowerInvariant(), out var lower))
        {
            return new Verdict(_byName[lower], false);
        }
        else
        {
            lookAtFirstLine = true;
        }
        if (!lookAtFirstLine) return default;
        if (!contentKnown) return new Verdict(null, true, FirstLineOnly: true);
        return new Verdict(ByFirstLine(FirstLine(content)), false);
    }

    private Verdict Resolve(string name, string extension, ReadOnlySpan<byte> content, bool contentKnown)
    {
        if (!AmbiguousExtensions.IsAmbiguous(name, extension)) return new Verdict(_byName[name], false);
        if (!contentKnown) return new Verdict(null, true);
        var resolved = AmbiguousExtensions.Resolve(name, content);
        return new Verdict(resolved is null ? null : _byName[resolved], false);
    }

    /// <summary>Triple, then double, then single extension, as cloc examines them (no empty parts).</summary>
    private static List<string> CandidateExtensions(string fileName)
    {
        var dots = new List<int>(3);
        var end = fileName.Length;
        for (var i = fileName.Length - 1; i >= 0 && dots.Count < 3; i--)
        {
            if (fileName[i] != '.') continue;
            if (i == end - 1) break;
            dots.Add(i);
            end = i;
        }
        var candidates = new List<string>(dots.Count);
        for (var k = dots.Count - 1; k >= 0; k--) candidates.Add(fileName[(dots[k] + 1)..]);
        return candidates;
    }

    /// <summary>cloc's `s/^(.*?)\.\S+$/$1/`: the name before the first dot that is followed only by non-blanks.</summary>
    private static string Stem(string file)
    {
        for (var i = 0; i < file.Length - 1; i++)
        {
            if (file[i] != '.') continue;
            if (!file.AsSpan(i + 1).ContainsAny(PerlBlanks)) return file[..i];
        }
        return file;
    }

    private static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> content)
    {
        var nl = content.IndexOf((byte)'\n');
        return nl < 0 ? content : content[..nl];
    }

    /// <summary>The program of a #! line (`#!/usr/bin/env python3` gives python3), or "".</summary>
    private static string Interpreter(ReadOnlySpan<byte> firstLine)
    {
        if (!firstLine.StartsWith("#!"u8)) return "";
        var parts = Encoding.Latin1.GetString(firstLine[2..]).Split([' ', '\t', '\r', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return "";
        var program = Path.GetFileName(parts[0]);
        return program == "env" && parts.Length > 1 ? parts[1] : program;
    }

    /// <summary>A script's language from its #! line, else XML from an &lt;?xml declaration.</summary>
    public Language? ByFirstLine(ReadOnlySpan<byte> firstLine)
    {
        var script = Interpreter(firstLine);
        if (script.Length > 0 && _data.LanguageByScript.TryGetValue(script, out var scripted)) return _byName[scripted];
        var xmlAt = firstLine.IndexOf("<?xml"u8);
        if (xmlAt >= 0 && xmlAt + 5 < firstLine.Length && IsBlank(firstLine[xmlAt + 5])) return _byName["XML"];
        return null;
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;
}
