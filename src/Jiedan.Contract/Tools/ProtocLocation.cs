using System.Runtime.InteropServices;

namespace Jiedan.Contract.Tools;

/// <summary>
/// Where protoc and the protos a contract imports are: by default the copies the module's build puts beside the app
/// (<c>protoc/&lt;platform&gt;/protoc</c>, <c>protoc/include</c>: the well-known protos and buf/validate/validate.proto);
/// <c>Contract:Protoc</c> and <c>Contract:ProtoInclude</c> point elsewhere.
/// </summary>
public sealed record ProtocLocation(string Executable, IReadOnlyList<string> ImportRoots)
{
    public static ProtocLocation Bundled()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "protoc");
        return new(Path.Combine(root, Platform(), "protoc"), [Path.Combine(root, "include")]);
    }

    public static ProtocLocation From(IConfiguration configuration)
    {
        var bundled = Bundled();
        return new(configuration["Contract:Protoc"] is { Length: > 0 } protoc ? Path.GetFullPath(protoc) : bundled.Executable,
            configuration["Contract:ProtoInclude"] is { Length: > 0 } include ? [Path.GetFullPath(include)] : bundled.ImportRoots);
    }

    public static string Platform() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "linux_arm64",
        _ => "linux_x64",
    };
}
