using System.Text.RegularExpressions;
using Jiedan.Domain.Parsing;
using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// Whether a GitHub Actions workflow runs tests: a <c>run:</c> step (any job) with <c>go test</c>, <c>make test</c>,
/// <c>gotestsum</c>, <c>task test</c>… Read with <see cref="BoundedYaml"/>; a workflow that does not parse throws its
/// positioned error (line and column, no text).
/// </summary>
public static partial class WorkflowTests
{
    [GeneratedRegex(@"(?<![\w-])(go\s+test|make\s+(?:test|check|ci)|gotestsum|ginkgo|task\s+test|just\s+test|mage\s+test|"
        + @"npm\s+(?:run\s+)?test|go\s+tool\s+gotestsum)(?![\w-])")]
    private static partial Regex TestCommand();

    private static readonly YamlLimits Limits = YamlLimits.Default with { MaxChars = 256 * 1024 };

    /// <summary>The 1-based line of the first step that runs tests, or null.</summary>
    public static int? FirstTestStep(string yaml)
    {
        var stream = BoundedYaml.Load(yaml, Limits);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root) continue;
            if (!root.Children.TryGetValue(new YamlScalarNode("jobs"), out var jobs) || jobs is not YamlMappingNode jobMap) continue;
            foreach (var job in jobMap.Children.Values.OfType<YamlMappingNode>())
            {
                if (!job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) || steps is not YamlSequenceNode list) continue;
                foreach (var step in list.Children.OfType<YamlMappingNode>())
                    if (step.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run is YamlScalarNode { Value: { } command }
                        && TestCommand().IsMatch(command))
                        return (int)run.Start.Line;
            }
        }
        return null;
    }
}
