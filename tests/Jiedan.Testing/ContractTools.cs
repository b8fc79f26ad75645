using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Jiedan.Contract.Tools;

namespace Jiedan.Testing;

/// <summary>What one run of an external tool produced.</summary>
public sealed record ToolResult(int Exit, string Out, string Err)
{
    public string Output => (Out + Err).Trim();
}

/// <summary>
/// The real tools the contract tests prove generated files with: protoc (the Grpc.Tools package's binary), protovalidate's
/// validate.proto (the ProtoValidate package's content), buf and redocly (npm, tools/npm). A missing tool throws with the
/// command that installs it: the tests fail, never skip.
/// </summary>
public static partial class ContractTools
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Protoc => Existing(Path.Combine(Package("Grpc.Tools"), "tools", ProtocPlatform(), "protoc"),
        "protoc from the Grpc.Tools NuGet package", "dotnet restore tests/Jiedan.Contract.Tests");

    /// <summary>The import root holding buf/validate/validate.proto.</summary>
    public static string ProtoValidateImports => Existing(Path.Combine(Package("ProtoValidate"), "content", "proto"),
        "validate.proto from the ProtoValidate NuGet package", "dotnet restore tests/Jiedan.Contract.Tests");

    /// <summary>The import root holding google/protobuf/timestamp.proto.</summary>
    public static string WellKnownImports => Existing(Path.Combine(Package("Grpc.Tools"), "build", "native", "include"),
        "the well-known protos of the Grpc.Tools NuGet package", "dotnet restore tests/Jiedan.Contract.Tests");

    public static string Buf => NpmTool(RepositoryRoot, "buf");

    public static string Redocly => NpmTool(RepositoryRoot, "redocly");

    /// <summary>The module's protoc runner on the packages' protoc, validate.proto and well-known protos.</summary>
    public static Protoc ProtocRunner => new(new ProtocLocation(Protoc, [ProtoValidateImports, WellKnownImports]));

    /// <summary>protoc's FileDescriptorSet of one .proto (imports and source info included), or an exception with its errors.</summary>
    public static byte[] DescriptorSet(string protoText, string fileName) =>
        ProtocRunner.DescriptorSetAsync(protoText, fileName, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// <c>buf lint</c> with STANDARD and PROTOVALIDATE on one file, laid out where buf expects its package
    /// (<c>orders.v1</c> → <c>orders/v1/</c>), beside a local copy of validate.proto (no registry needed).
    /// </summary>
    public static ToolResult BufLint(string protoText, string fileName, string package)
    {
        using var dir = new TemporaryFolder();
        var api = Path.Combine([dir.Path, "api", .. package.Split('.')]);
        Directory.CreateDirectory(api);
        File.WriteAllText(Path.Combine(api, fileName), protoText);
        var vendor = Path.Combine(dir.Path, "vendor", "buf", "validate");
        Directory.CreateDirectory(vendor);
        File.Copy(Path.Combine(ProtoValidateImports, "buf", "validate", "validate.proto"), Path.Combine(vendor, "validate.proto"));
        File.WriteAllText(Path.Combine(dir.Path, "buf.yaml"), """
            version: v2
            modules:
              - path: api
                lint:
                  use: [STANDARD, PROTOVALIDATE]
              - path: vendor
            """);
        return Run(Buf, dir.Path, "lint", "--path", Path.Combine("api", package.Split('.')[0]));
    }

    /// <summary><c>redocly lint</c> with its recommended rules; exit 0 means no error (warnings allowed).</summary>
    public static ToolResult RedoclyLint(string openApiYaml)
    {
        using var dir = new TemporaryFolder();
        File.WriteAllText(Path.Combine(dir.Path, "openapi.yaml"), openApiYaml);
        return Run(Redocly, dir.Path, "lint", "openapi.yaml", "--format", "stylish");
    }

    public static ToolResult Run(string file, string workingDirectory, params string[] arguments) =>
        // redocly: no telemetry and no update check (the tests reach 127.0.0.1 only); buf: no cache in the home folder.
        ToolProcess.Run(file, workingDirectory, Limit, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REDOCLY_TELEMETRY"] = "off",
            ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
            ["BUF_CACHE_DIR"] = Path.Combine(workingDirectory, ".buf-cache"),
        }, arguments);

    /// <summary>An npm-installed tool of the repository at <paramref name="root"/>, or an exception naming the install command.</summary>
    public static string NpmTool(string root, string name) => Existing(Path.Combine(root, "tools", "npm", "node_modules", ".bin", name),
        $"{name} from tools/npm", "npm ci --prefix tools/npm (scripts/test.sh runs it when missing)");

    private static string Existing(string path, string what, string fix) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{what} is missing at {path}; install it with: {fix}");

    /// <summary>The restored folder of a package at the version Directory.Packages.props pins.</summary>
    private static string Package(string id)
    {
        var props = File.ReadAllText(Path.Combine(RepositoryRoot, "Directory.Packages.props"));
        var match = Regex.Match(props, $"""Include="{Regex.Escape(id)}" Version="([^"]+)" """.TrimEnd());
        if (!match.Success) throw new InvalidOperationException($"Directory.Packages.props pins no version of {id}");
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(root, id.ToLowerInvariant(), match.Groups[1].Value);
    }

    private static string ProtocPlatform() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "linux_arm64",
        _ => "linux_x64",
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jiedan.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("no Jiedan.slnx above the test's folder");
    }

    /// <summary>A folder under /tmp named jiedan-* (Snapshot scrubs such paths), removed on dispose.</summary>
    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("jiedan-contract-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
