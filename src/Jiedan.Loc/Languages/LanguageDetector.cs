using System.Text;

namespace Jiedan.Loc.Languages;

/// <summary>
/// Picks a file's language the way cloc 1.96's classify_file does: exact file name, then the longest of
/// triple/double/single extension (case-sensitive), then a Dockerfile.* prefix, then the #! line.
/// </summary>
public sealed class LanguageDetector
{
    private readonly Dictionary<string, Language> _byFileName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Language> _byExtension = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Language> _byInterpreter = new(StringComparer.Ordinal);
    private readonly Language _objectiveC;
    private readonly Language _xml;

    public static LanguageDetector Default { get; } = new(LanguageTable.All);

    public LanguageDetector(IEnumerable<Language> languages)
    {
        foreach (var language in languages)
        {
            foreach (var name in language.FileNames) _byFileName[name] = language;
            foreach (var ext in language.Extensions) _byExtension[ext] = language;
            foreach (var interpreter in language.Interpreters) _byInterpreter[interpreter] = language;
        }
        _objectiveC = _byExtension["m"];
        _xml = _byExtension["xml"];
    }

    /// <summary>Whether the name alone may decide, or the first line has to be read (no or unknown extension).</summary>
    public Language? ByName(string fileName, out bool needsFirstLine)
    {
        needsFirstLine = false;
        if (fileName.EndsWith('~')) return null;
        if (_byFileName.TryGetValue(fileName, out var named)) return named;

        var lastDot = fileName.LastIndexOf('.');
        if (lastDot >= 0 && lastDot < fileName.Length - 1)
        {
            foreach (var ext in CandidateExtensions(fileName))
                if (_byExtension.TryGetValue(ext, out var byExt)) return byExt;
            if (fileName.StartsWith("Dockerfile.", StringComparison.Ordinal)) return _byFileName["Dockerfile"];
        }
        else if (_byFileName.TryGetValue(fileName.ToLowerInvariant(), out var lower))
        {
            return lower;
        }
        needsFirstLine = true;
        return null;
    }

    /// <summary>Triple, then double, then single extension, as cloc examines them.</summary>
    private static IEnumerable<string> CandidateExtensions(string fileName)
    {
        // cloc: /\.([^.]+\.[^.]+\.[^.]+)$/, then the double, then the single extension; no empty parts.
        var dots = new List<int>(3);
        var end = fileName.Length;
        for (var i = fileName.Length - 1; i >= 0 && dots.Count < 3; i--)
        {
            if (fileName[i] != '.') continue;
            if (i == end - 1) break;
            dots.Add(i);
            end = i;
        }
        for (var k = dots.Count - 1; k >= 0; k--) yield return fileName[(dots[k] + 1)..];
    }

    /// <summary>A script's language from its #! line (`#!/usr/bin/env python3`), or XML from an &lt;?xml declaration.</summary>
    public Language? ByFirstLine(ReadOnlySpan<byte> firstLine)
    {
        if (firstLine.StartsWith("#!"u8))
        {
            var text = Encoding.UTF8.GetString(firstLine[2..]).Trim();
            var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) return null;
            var program = Path.GetFileName(parts[0]);
            if (program == "env" && parts.Length > 1) program = parts[1];
            return _byInterpreter.GetValueOrDefault(program);
        }
        var xmlAt = firstLine.IndexOf("<?xml"u8);
        if (xmlAt >= 0 && xmlAt + 5 < firstLine.Length && IsBlank(firstLine[xmlAt + 5])) return _xml;
        return null;
    }

    /// <summary>cloc's matlab_or_objective_C reduced to the Objective-C signals it trusts most.</summary>
    public static bool LooksLikeObjectiveC(ReadOnlySpan<byte> content) =>
        content.IndexOf("#import"u8) >= 0 || content.IndexOf("#include"u8) >= 0
        || content.IndexOf("@interface"u8) >= 0 || content.IndexOf("@implementation"u8) >= 0;

    public Language ObjectiveC => _objectiveC;

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;
}
