using System.Reflection;
using System.Text.RegularExpressions;
using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Scaffold;

/// <summary>A requirement the scaffold cannot turn into a project, or a bad option; the message names the field.</summary>
public sealed class ScaffoldException(string message) : Exception(message);

/// <summary>
/// Contract → a Go module (docs/scaffold.md): the contract's own openapi.yaml and .proto under <c>api/</c>, and code that
/// enforces each of their rules. Pure: the files come back as text; writing them is the caller's.
/// </summary>
public static partial class GoScaffold
{
    private const string TemplateModule = "jiedan.example/scaffold";

    private const string EmbedFile = """
        // Package api holds the contract: openapi.yaml (served at /openapi.yaml) and the .proto.
        package api

        import _ "embed"

        // OpenAPI is the contract's openapi.yaml.
        //
        //go:embed openapi.yaml
        var OpenAPI []byte

        """;

    public static IReadOnlyList<ScaffoldFile> Generate(GeneratedContract contract, ScaffoldOptions options)
    {
        var module = CheckModule(options.ModulePath);
        var entities = GoEntity.From(contract.Plan);
        CheckEntities(entities);
        var service = contract.Plan.Requirement.Service;
        var files = new List<ScaffoldFile>();
        files.AddRange(Templates(module, options.Framework));
        files.Add(new("api/openapi.yaml", contract.OpenApiYaml));
        files.Add(new($"api/{contract.ProtoFileName}", contract.ProtoText));
        files.Add(new("api/embed.go", EmbedFile));
        files.Add(MigrationWriter.Write(entities));
        files.Add(RoutesWriter.Write(entities, module));
        files.Add(TestWriter.Samples(entities, module));
        foreach (var entity in entities)
        {
            files.Add(ModelWriter.Write(entity));
            files.Add(CheckWriter.Write(entity, module));
            files.Add(HandlerWriter.Write(entity, module));
            files.Add(StoreWriter.Write(entity, entities, module));
            files.Add(TestWriter.Rules(entity, module));
            files.Add(TestWriter.Operations(entity, module));
            files.Add(TestWriter.Store(entity, entities, module));
        }
        files.AddRange(ProjectFilesWriter.Write(module, options.Framework, service.Replace('_', '-')));
        files.Add(ReadmeWriter.Write(entities, service, module, options.Framework, options.Chinese));
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>A module path as the go command accepts it: slash-separated elements of letters, digits and <c>-._~</c>.</summary>
    public static string CheckModule(string module)
    {
        if (module.Length is 0 or > 200 || !ModulePath().IsMatch(module) || module.Split('/').Any(e => e is "." or ".." || e.EndsWith('.')))
        {
            throw new ScaffoldException(
                "--module: not a Go module path (like github.com/you/orders: letters, digits, '-', '.', '_', '~' between '/')");
        }
        return module;
    }

    private static void CheckEntities(IReadOnlyList<GoEntity> entities)
    {
        foreach (var clash in entities.GroupBy(e => e.Package, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new ScaffoldException(
                $"entities {string.Join(" and ", clash.Select(e => e.Name))}: both would be Go package internal/{clash.Key}; rename one");
        }
        foreach (var entity in entities)
        {
            foreach (var field in entity.Fields.Where(f => f.Constraints.Required))
            {
                if (TestValues.Valid(field, TestWriter.RefId) is null)
                {
                    throw new ScaffoldException(
                        $"{entity.Name}.{field.Name}: a required field whose pattern no value could be made for; give it an example");
                }
            }
        }
    }

    private static IEnumerable<ScaffoldFile> Templates(string module, GoFramework framework)
    {
        var assembly = typeof(GoScaffold).Assembly;
        const string prefix = "scaffold/";
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal));
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var path = name[prefix.Length..].Replace('\\', '/');
            if (path.EndsWith("router_gin.go", StringComparison.Ordinal) && framework != GoFramework.Gin) continue;
            if (path.EndsWith("router_std.go", StringComparison.Ordinal) && framework != GoFramework.Stdlib) continue;
            if (path.EndsWith("router_gin.go", StringComparison.Ordinal) || path.EndsWith("router_std.go", StringComparison.Ordinal))
                path = path[..path.LastIndexOf('/')] + "/router.go";
            yield return new ScaffoldFile(path, Read(assembly, name).Replace(TemplateModule, module, StringComparison.Ordinal));
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9._~-]+)*$")]
    private static partial Regex ModulePath();
}
