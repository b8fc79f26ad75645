using System.Text.RegularExpressions;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.GoModules;

/// <summary>The directives of a go.mod that the gate checks: <c>module</c>, <c>go</c> and <c>toolchain</c>.</summary>
public sealed partial record GoModFile(string Module, string? GoVersion, string? Toolchain)
{
    [GeneratedRegex(@"^[0-9]+(\.[0-9]+){0,2}((rc|beta)[0-9]+)?$")]
    private static partial Regex GoVersionSyntax();

    [GeneratedRegex(@"^go[0-9]+(\.[0-9]+){0,2}((rc|beta)[0-9]+)?(-.+)?$|^default$")]
    private static partial Regex ToolchainSyntax();

    public static GoModFile Parse(TextReader content, string name)
    {
        string? module = null, go = null, toolchain = null;
        string? block = null;
        long number = 0;
        long blockLine = 0;
        foreach (var line in BoundedLines.Read(content, (n, problem) => new GateInputException(name, n, problem)))
        {
            number++;
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            var text = (comment >= 0 ? line[..comment] : line).Trim();
            if (text.Length == 0) continue;
            if (block is not null)
            {
                if (text == ")") block = null;
                continue;
            }
            var fields = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[^1] == "(") { (block, blockLine) = (fields[0], number); continue; }
            switch (fields[0])
            {
                case "module":
                    if (fields.Length != 2) throw new GateInputException(name, number, "usage: module module/path");
                    module = fields[1].Trim('"', '`');
                    break;
                case "go":
                    if (fields.Length != 2 || !GoVersionSyntax().IsMatch(fields[1]))
                        throw new GateInputException(name, number, "invalid go version: must match format 1.23.0");
                    go = fields[1];
                    break;
                case "toolchain":
                    if (fields.Length != 2 || !ToolchainSyntax().IsMatch(fields[1]))
                        throw new GateInputException(name, number, "invalid toolchain: must be like go1.22.3");
                    toolchain = fields[1];
                    break;
                case "require" or "exclude" or "replace" or "retract" or "godebug" or "tool" or "ignore":
                    break;
                default:
                    throw new GateInputException(name, number,
                        "unknown directive (expected module, go, toolchain, require, exclude, replace, retract, godebug, tool or ignore)");
            }
        }
        if (block is not null) throw new GateInputException(name, number, $"truncated: the block opened at line {blockLine} is not closed");
        if (module is null) throw new GateInputException(name, null, "no module directive");
        return new GoModFile(module, go, toolchain);
    }
}
