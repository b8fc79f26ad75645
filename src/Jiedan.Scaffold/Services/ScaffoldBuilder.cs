using Jiedan.Domain.Contract;
using Jiedan.Domain.Scaffold;

namespace Jiedan.Scaffold.Services;

/// <summary>requirement.yml → the Go project's files: the one path the CLI, API and page share.</summary>
public static class ScaffoldBuilder
{
    /// <exception cref="RequirementException">the requirement is bad (file:line:column: reason)</exception>
    /// <exception cref="ScaffoldException">an option is bad, or the requirement cannot become a project</exception>
    public static IReadOnlyList<ScaffoldFile> Build(string yaml, string fileName, ScaffoldOptions options)
    {
        var requirement = RequirementReader.Read(yaml, fileName);
        return GoScaffold.Generate(ContractGenerator.Generate(requirement), options);
    }
}
