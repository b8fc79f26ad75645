using System.Text.RegularExpressions;
using Jiedan.Loc.Cloc;

namespace Jiedan.Loc.Languages;

/// <summary>
/// cloc 1.96's content heuristics for extensions that several languages share (.m, .ts, .pl, .cs, .v, .inc, .pro, .pp, .cl, .jl,
/// .f/.for, .fs, .ui, .cls, .sls, .tpl, .b/.bf, build.xml, pom.xml): the same line tests and points, rewritten in C#.
/// </summary>
internal static class AmbiguousExtensions
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "MATLAB/Mathematica/Objective-C/MUMPS/Mercury", "PHP/Pascal", "Pascal/Puppet", "Lisp/OpenCL", "Lisp/Julia", "Perl/Prolog",
        "Raku/Prolog", "IDL/Qt Project/Prolog/ProGuard", "Fortran 77/Forth", "F#/Forth", "Verilog-SystemVerilog/Coq",
        "TypeScript/Qt Linguist", "Qt/Glade", "C#/Smalltalk", "Scheme/SaltStack", "Visual Basic/TeX/Apex Class", "Brainfuck",
        "Ant/XML", "Maven/XML",
    };

    public static bool IsAmbiguous(string key, string extension) => Keys.Contains(key) || (key == "Smarty" && extension == "tpl");

    /// <summary>The language cloc picks for this content, or null where cloc leaves the file uncounted.</summary>
    /// <remarks>cloc reads the whole file; above 16 MiB only the first 16 MiB are read here, so that a huge file costs bounded
    /// memory.</remarks>
    public static string? Resolve(string key, ReadOnlySpan<byte> content)
    {
        // .ts is common and usually TypeScript: decided over the bytes, without a string per line
        if (key == "TypeScript/Qt Linguist") return TypeScriptOrQtLinguist(content);
        var lines = ClocCounter.ReadLines(content[..Math.Min(content.Length, ClocCounter.MaxBytes)]);
        return key switch
        {
            "MATLAB/Mathematica/Objective-C/MUMPS/Mercury" => MatlabOrObjectiveC(lines),
            "PHP/Pascal" => IsPhp(lines) ? "PHP" : IsIncPascal(lines) ? "Pascal" : null,
            "Pascal/Puppet" => PascalOrPuppet(lines),
            "Lisp/OpenCL" => Points(lines, "Lisp", "OpenCL", @"^\s*(int|float|const|{)"),
            "Lisp/Julia" => Points(lines, "Lisp", "Julia", @"^\s*(function|end|println|for|while)"),
            "Perl/Prolog" => PerlOrProlog(lines),
            "Raku/Prolog" => PerlOrProlog(lines) is "Perl" ? "Raku" : "Prolog",
            "IDL/Qt Project/Prolog/ProGuard" => IdlOrQtProject(lines),
            "Fortran 77/Forth" => Count(lines, @"^:\s")
                > Count(lines, @"^([c*][^a-z]|\s{6,}(subroutine|program|end|implicit)\s|\s*!)", true) ? "Forth" : "Fortran 77",
            "F#/Forth" => Count(lines, @"^:\s") > Count(lines, @"^\s*(#light|import|let|module|namespace|open|type)") ? "Forth" : "F#",
            "Verilog-SystemVerilog/Coq" => Count(lines, @"\b(Inductive|Fixpoint|Definition|Theorem|Lemma|Proof|Qed|forall|Section|Check|"
                + @"Notation|Variable|Goal|Fail|Require|Scheme|Module|Ltac|Set|Unset|Parameter|Coercion|Axiom|Locate|Type|Record|"
                + @"Existing|Class)\b") > Count(lines, @"^\s*(module|begin|input|output|always)") ? "Coq" : "Verilog-SystemVerilog",
            "Qt/Glade" => lines.Any(l => PerlRegex.Get(@"generated\s+with\s+glade", true).IsMatch(l)) ? "Glade" : "Qt",
            "C#/Smalltalk" => CsharpOrSmalltalk(lines),
            "Scheme/SaltStack" => SchemeOrSaltStack(lines),
            "Visual Basic/TeX/Apex Class" => VisualBasicOrTexOrApex(lines),
            "Smarty" => IsSmarty(lines) ? "Smarty" : null,
            "Brainfuck" => IsBrainfuck(lines) ? "Brainfuck" : null,
            "Ant/XML" => ProjectOrXml(lines, "Ant", @"xmlns:artifact=""antlib:org.apache.maven.artifact.ant"""),
            "Maven/XML" => ProjectOrXml(lines, "Maven", @"xmlns=""http://maven.apache.org/POM/"),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not an ambiguous extension"),
        };
    }

    private static Regex Rx(string pattern, bool ignoreCase = false) => PerlRegex.Get(pattern, ignoreCase);

    private static int Count(List<string> lines, string pattern, bool ignoreCase = false) =>
        lines.Count(l => Rx(pattern, ignoreCase).IsMatch(l));

    private static string Best(Dictionary<string, double> points) =>
        points.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Lisp_or_OpenCL and Lisp_or_Julia: Lisp wins only with more points.</summary>
    private static string Points(List<string> lines, string lisp, string other, string otherPattern)
    {
        var lispPoints = Count(lines, @"^\s*;") + Count(lines, @"\((def|eval|require|export|let|loop|dec|format)");
        return lispPoints > Count(lines, otherPattern) ? lisp : other;
    }

    private static string MatlabOrObjectiveC(List<string> lines)
    {
        int matlab = 0, mathematica = 0, objectiveC = 0, mumps = 0, mercury = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            var l = lines[n];
            if (n == 0 && Rx("^[A-Z]").IsMatch(l)) mumps++;
            if (Rx(@"^\s*/\*").IsMatch(l) || Rx(@"^\s*//").IsMatch(l))
            {
                objectiveC += 5;
                matlab -= 5;
            }
            else if (Rx(@"^:-\s+").IsMatch(l))
            {
                mercury = 1000;
                break;
            }
            else if (Rx(@"\w+\s*=\s*\[").IsMatch(l))
            {
                matlab += 5;
            }
            Match m;
            if (Rx(@"\w+\[").IsMatch(l)) mathematica += 2;
            else if (Rx(@"^\s*\w+\s*=\s*").IsMatch(l)) mumps--;
            else if ((m = Rx(@"^\s*\.?(\w)\s+(\w)").Match(l)).Success && !char.IsAsciiDigit(m.Groups[1].Value[0])
                && !char.IsAsciiDigit(m.Groups[2].Value[0])) mumps++;
            else if (Rx(@"^\s*;").IsMatch(l)) mumps++;

            if (Rx(@"^\s*#(include|import)").IsMatch(l)
                || Rx(@"^\s*@(interface|implementation|protocol|public|protected|private|end)\s").IsMatch(l))
            {
                objectiveC = 1000;
                matlab = 0;
                break;
            }
            if (Rx(@"^\s*BeginPackage").IsMatch(l)) mathematica += 2;
            else if (Rx(@"^\s*\[").IsMatch(l)) matlab += 5;
            else if (Rx(@"^\sK(ill)?\s+").IsMatch(l)) mumps += 5;
            else if (Rx(@"^\s*function").IsMatch(l) || Rx(@"^\s*%").IsMatch(l))
            {
                objectiveC--;
                matlab++;
            }
        }
        return Best(new() { ["MATLAB"] = matlab, ["Mathematica"] = mathematica, ["MUMPS"] = mumps, ["Objective-C"] = objectiveC,
            ["Mercury"] = mercury });
    }

    private static string PerlOrProlog(List<string> lines)
    {
        int perl = 0, prolog = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            var l = lines[n];
            if (Rx(@"^\s*$").IsMatch(l)) continue;
            if (n == 0 && Rx(@"^#!.*?\bperl").IsMatch(l))
            {
                perl = 100;
                break;
            }
            if (Rx("^=(head|over|item|cut)").IsMatch(l)) perl++;
            if (Rx(@";\s*$").IsMatch(l)) perl++;
            if (Rx(@"(\{|\})").IsMatch(l)) perl++;
            if (Rx(@"^\s*sub\s+").IsMatch(l)) perl++;
            if (Rx(@"\s*<<'").IsMatch(l)) perl++;
            if (Rx(@"\$(\w+\->|[_!])").IsMatch(l)) perl++;
            if (!Rx(@"\s*#").IsMatch(l) && Rx(@"\.\s*$").IsMatch(l)) prolog++;
            if (l.Contains(":-", StringComparison.Ordinal)) prolog++;
        }
        return perl > prolog ? "Perl" : "Prolog";
    }

    private static string IdlOrQtProject(List<string> lines) => Best(new()
    {
        ["IDL"] = Count(lines, @"^\s*;") + Count(lines, @"plot\(", true),
        ["Qt Project"] = Count(lines, @"^\s*(qt|configs|sources|template|target|targetpath|subdirs)\b", true)
            + Count(lines, "qthavemodule", true),
        ["Prolog"] = Count(lines, @"\.\s*$") + Count(lines, ":-"),
        ["ProGuard"] = Count(lines, @"^\s*#") + Count(lines, "^-keep") + Count(lines, "^-(dont)?obfuscate"),
    });

    /// <summary>cloc's TypeScript_or_QtLinguist over raw lines: a point for Qt Linguist per line with
    /// `\b&lt;/?(message|source|translation)&gt;`, for TypeScript per line starting with var/const/let/class/document, per line
    /// ending in ; or }, and per line starting with //.</summary>
    private static string TypeScriptOrQtLinguist(ReadOnlySpan<byte> content)
    {
        int linguist = 0, typescript = 0;
        while (content.Length > 0)
        {
            var nl = content.IndexOf((byte)'\n');
            var line = nl < 0 ? content : content[..nl];
            content = nl < 0 ? default : content[(nl + 1)..];
            if (HasLinguistTag(line)) linguist++;
            var start = line.TrimStart(PerlSpace);
            if (StartsWithWord(start, "var"u8) || StartsWithWord(start, "const"u8) || StartsWithWord(start, "let"u8)
                || StartsWithWord(start, "class"u8) || StartsWithWord(start, "document"u8)) typescript++;
            var end = line.TrimEnd(PerlSpace);
            if (end.Length > 0 && end[^1] is (byte)';' or (byte)'}') typescript++;
            if (start.StartsWith("//"u8)) typescript++;
        }
        return typescript >= linguist ? "TypeScript" : "Qt Linguist";
    }

    private static ReadOnlySpan<byte> PerlSpace => " \t\n\v\f\r"u8;

    private static bool IsWord(byte b) => b == '_' || (b | 0x20) is >= (byte)'a' and <= (byte)'z' || b is >= (byte)'0' and <= (byte)'9';

    private static bool StartsWithWord(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word) =>
        text.StartsWith(word) && (text.Length == word.Length || !IsWord(text[word.Length]));

    private static bool HasLinguistTag(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (true)
        {
            var found = line[offset..].IndexOf((byte)'<');
            if (found < 0) return false;
            var at = offset + found;
            if (at > 0 && IsWord(line[at - 1]))
            {
                var tag = line[(at + 1)..];
                if (tag.StartsWith("/"u8)) tag = tag[1..];
                if (tag.StartsWith("message>"u8) || tag.StartsWith("source>"u8) || tag.StartsWith("translation>"u8)) return true;
            }
            offset = at + 1;
        }
    }

    private static string CsharpOrSmalltalk(List<string> lines)
    {
        int cs = 0, smalltalk = 0;
        foreach (var original in lines)
        {
            var l = Rx("//.*?$").Replace(original, "", 1);
            if (Rx(@"^\s*$").IsMatch(l)) continue;
            if (Rx(@"[;}{]\s*$").IsMatch(l)) cs++;
            else if (Rx(@"^(using|namespace)\s").IsMatch(l)) cs += 20;
            else if (Rx(@"^\s*(public|private|new)\s").IsMatch(l)) cs += 20;
            else if (Rx(@"^\s*\[assembly:").IsMatch(l)) cs++;
            if (Rx(@"(\!|\]\.)\s*$").IsMatch(l))
            {
                smalltalk++;
                cs--;
            }
        }
        if (smalltalk > cs) return "Smalltalk";
        // cloc labels C# whose first two lines are a //----… banner and an <auto-generated> marker as generated
        var head = string.Concat(lines.Take(2).Select(x => x.EndsWith('\n') ? x[..^1] : x)).Replace("\n", "", StringComparison.Ordinal);
        return Rx(@"^//-{70,}.*?//\s+<auto-generated>").IsMatch(head) ? "C# Generated" : "C#";
    }

    private static string SchemeOrSaltStack(List<string> lines)
    {
        int scheme = 0, salt = 0;
        foreach (var l in lines)
        {
            if (Rx(@"^\s*$").IsMatch(l)) continue;
            if (Rx(@"{\%.*%}").IsMatch(l) || Rx(@"map\.jinja\b").IsMatch(l)) salt += 5;
            else if (Rx(@"\((define|lambda|let|cond|do)\s").IsMatch(l)) scheme++;
        }
        return scheme > salt ? "Scheme" : "SaltStack";
    }

    private static string VisualBasicOrTexOrApex(List<string> lines)
    {
        int vb = 0, tex = 0, apex = 0;
        foreach (var l in lines)
        {
            if (Rx(@"^\s*$").IsMatch(l)) continue;
            if (Rx(@"\s*%").IsMatch(l) || Rx(@"\s*\\").IsMatch(l))
            {
                tex++;
                continue;
            }
            if (Rx(@"^\s*(public|private)\s", true).IsMatch(l))
            {
                vb++;
                apex++;
            }
            else if (Rx(@"^\s*(end|attribute|version)\s", true).IsMatch(l))
            {
                vb++;
            }
            if (Rx("[{}]").IsMatch(l) || Rx(@";\s*$").IsMatch(l)) apex++;
        }
        return Best(new() { ["Visual Basic"] = vb, ["TeX"] = tex, ["Apex Class"] = apex });
    }

    private static string PascalOrPuppet(List<string> lines)
    {
        double pascal = 0, puppet = 0;
        string[] pascalTests =
        [
            @"\bprogram\s+[A-Za-z]", @"\bunit\s+[A-Za-z]", @"\bmodule\s+[A-Za-z]", @"\bprocedure\b", @"\bfunction\b",
            @"^\s*interface\s+", @"^\s*implementation\s+", @"^\s*uses\s+", @"(?<!\:\:)\bbegin\b(?!\:\:)", @"(?<!\:\:)\bend\b(?!\:\:)",
        ];
        string[] puppetTests =
        [
            @"^\s*function\s+[a-z][a-z0-9]+::[a-z][a-z0-9]+\s*", @"^\s*type\s+[A-Z]\w+::[A-Z]\w+\s+", @"^\s*case\s+",
            @"^\s*package\s+", @"^\s*file\s+", @"^\s*include\s\w+", @"^\s*service\s+", @"\s\$\w+\s*\=\s*\S", @"\S\s*\=\>\s*\S",
        ];
        foreach (var l in lines)
        {
            if (Rx(@"^\s*\#\s+").IsMatch(l))
            {
                puppet += .001;
                continue;
            }
            pascal += pascalTests.Count(t => Rx(t, true).IsMatch(l));
            if (l.Contains(":=", StringComparison.Ordinal)) pascal++;
            if (l.Contains("<>", StringComparison.Ordinal)) pascal++;
            if (Rx(@"^\s*\{\$(I|INCLUDE)\s+.*\}", true).IsMatch(l)) pascal++;
            if (l.Contains("writeln", StringComparison.Ordinal)) pascal++;
            if (Rx(@"^\s*class\s+").IsMatch(l) && !Rx(@"class\s+operator\s+").IsMatch(l)) puppet++;
            puppet += puppetTests.Count(t => Rx(t).IsMatch(l));
            if (Math.Abs(pascal - puppet) > 20) break;
        }
        return pascal > puppet ? "Pascal" : "Puppet";
    }

    private static bool IsPhp(List<string> lines)
    {
        int normal = 0, script = 0, asp = 0;
        foreach (var l in lines)
        {
            if (l.Contains("<?", StringComparison.Ordinal)) normal |= 1;
            if (l.Contains("?>", StringComparison.Ordinal) && (normal & 1) != 0) normal |= 2;
            if (Rx("\\<script.*language=\"?php\"?", true).IsMatch(l)) script |= 1;
            if (Rx(@"\<\/script\>", true).IsMatch(l) && (script & 1) != 0) script |= 2;
            if (l.Contains("<%", StringComparison.Ordinal)) asp |= 1;
            if (l.Contains("%>", StringComparison.Ordinal) && (asp & 1) != 0) asp |= 2;
        }
        return normal == 3 || script == 3 || asp == 3;
    }

    private static string WithoutPascalComments(string line) => Rx(@"\(\*.*?\*\)").Replace(Rx(@"\{.*?\}").Replace(line, ""), "");

    private static bool IsPascal(List<string> lines)
    {
        bool program = false, unit = false, module = false, procedure = false, begin = false, end = false;
        foreach (var original in lines)
        {
            var l = WithoutPascalComments(original);
            program |= Rx(@"\bprogram\s+[A-Za-z]", true).IsMatch(l);
            unit |= Rx(@"\bunit\s+[A-Za-z]", true).IsMatch(l);
            module |= Rx(@"\bmodule\s+[A-Za-z]", true).IsMatch(l);
            procedure |= Rx(@"\bprocedure\b", true).IsMatch(l) || Rx(@"\bfunction\b", true).IsMatch(l)
                || Rx(@"^\s*interface\s+", true).IsMatch(l) || Rx(@"^\s*implementation\s+", true).IsMatch(l);
            begin |= Rx(@"\bbegin\b", true).IsMatch(l);
            end |= Rx(@"end\.\s*$", true).IsMatch(l);
        }
        return ((unit || program) && procedure && begin && end) || (module && end) || (program && begin && end);
    }

    private static bool IsIncPascal(List<string> lines)
    {
        if (IsPascal(lines)) return true;
        string[] tests =
        [
            @"\bprogram\s+[A-Za-z]", @"\bunit\s+[A-Za-z]", @"\bmodule\s+[A-Za-z]", @"\bprocedure\b", @"\bfunction\b",
            @"^\s*interface\s+", @"^\s*implementation\s+", @"\bconstant\s+", @"end\.\s*$",
        ];
        return lines.Select(WithoutPascalComments).Any(l => tests.Any(t => Rx(t, true).IsMatch(l)));
    }

    private static bool IsSmarty(List<string> lines)
    {
        var points = 0;
        foreach (var l in lines)
        {
            if (Rx(@"\{(if|include)\s").IsMatch(l) || l.Contains("{/if}", StringComparison.Ordinal) || Rx(@"(\{\*|\*\})").IsMatch(l)
                || Rx(@"\{\$\w").IsMatch(l)) points++;
            if (points >= 2) return true;
        }
        return false;
    }

    private static bool IsBrainfuck(List<string> lines)
    {
        var indicators = Count(lines, @"([+-]{4,}|[\[\]]{4,}|[<>][+-]|<{3,}|^\s*[\[\]]\s*$)");
        return lines.Count > 0 && (double)indicators / lines.Count > 0.5 || indicators > 5;
    }

    private static string ProjectOrXml(List<string> lines, string language, string marker)
    {
        int points = 0, xml = 1;
        foreach (var l in lines)
        {
            if (Rx(@"^\s*<project\s+").IsMatch(l))
            {
                points++;
                xml--;
            }
            if (l.Contains(marker, StringComparison.Ordinal))
            {
                points++;
                xml--;
            }
        }
        return xml >= points ? "XML" : language;
    }
}
