using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoCompileGate;

/// <summary>A reference surface: declarations of one real nanoFramework assembly (tests/nanoframework-surfaces/NAME).</summary>
public sealed record Surface(string Assembly, string Package, IReadOnlyList<string> References, string Folder, LanguageVersion Language);

/// <summary>
/// Loads every surface folder and compiles them, dependencies first, into in-memory reference assemblies with the
/// real assembly names, so device code binds exactly as it would against the packages.
/// </summary>
public sealed class SurfaceSet
{
    private readonly Dictionary<string, Surface> _surfaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetadataReference> _compiled = new(StringComparer.Ordinal);

    public SurfaceSet(string surfacesRoot, string repoRoot, List<GateDiagnostic> diagnostics)
    {
        foreach (var folder in Directory.GetDirectories(surfacesRoot).OrderBy(f => f, StringComparer.Ordinal))
        {
            var ini = Path.Combine(folder, "surface.ini");
            if (!File.Exists(ini))
            {
                continue;
            }

            var values = ReadIni(ini);
            values.TryGetValue("assembly", out var assembly);
            values.TryGetValue("package", out var package);
            values.TryGetValue("references", out var references);
            if (string.IsNullOrEmpty(assembly) || string.IsNullOrEmpty(package))
            {
                diagnostics.Add(new GateDiagnostic(Relative(repoRoot, ini), 0, 0, "NFG100", "surface.ini needs 'assembly' and 'package'"));
                continue;
            }

            // A surface mirrors the real declarations, and a few of those need a newer C# than device code may use
            // (M2Mqtt.Core nests delegates in an interface): surface.ini may say "langversion = 8.0".
            var language = LanguageVersion.CSharp7_3;
            if (values.TryGetValue("langversion", out var version) && !LanguageVersionFacts.TryParse(version, out language))
            {
                diagnostics.Add(new GateDiagnostic(Relative(repoRoot, ini), 0, 0, "NFG102", $"unknown langversion '{version}'"));
            }

            var refs = (references ?? "").Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            _surfaces[assembly] = new Surface(assembly, package, refs, folder, language);
        }

        foreach (var name in _surfaces.Keys.ToList())
        {
            Compile(name, repoRoot, diagnostics, new HashSet<string>());
        }
    }

    public IReadOnlyDictionary<string, Surface> Surfaces => _surfaces;

    /// <summary>The compiled surface of <paramref name="assembly"/>, or null when it is missing or failed.</summary>
    public MetadataReference? Reference(string assembly) => _compiled.GetValueOrDefault(assembly);

    /// <summary>The compiled surface and, transitively, every surface it references.</summary>
    public IEnumerable<MetadataReference> Closure(string assembly)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>();
        stack.Push(assembly);
        while (stack.Count > 0)
        {
            var name = stack.Pop();
            if (!seen.Add(name) || !_surfaces.TryGetValue(name, out var surface))
            {
                continue;
            }

            if (_compiled.TryGetValue(name, out var reference))
            {
                yield return reference;
            }

            foreach (var dependency in surface.References)
            {
                stack.Push(dependency);
            }
        }
    }

    private MetadataReference? Compile(string name, string repoRoot, List<GateDiagnostic> diagnostics, HashSet<string> visiting)
    {
        if (_compiled.TryGetValue(name, out var done))
        {
            return done;
        }

        if (!_surfaces.TryGetValue(name, out var surface) || !visiting.Add(name))
        {
            return null;
        }

        var references = new List<MetadataReference>();
        foreach (var dependency in surface.References)
        {
            var compiled = Compile(dependency, repoRoot, diagnostics, visiting);
            if (compiled == null)
            {
                diagnostics.Add(new GateDiagnostic(Relative(repoRoot, Path.Combine(surface.Folder, "surface.ini")), 0, 0, "NFG101",
                    $"surface {name} references {dependency}, which is missing or does not compile"));
                return null;
            }

            references.Add(compiled);
        }

        var parse = new CSharpParseOptions(surface.Language);
        var trees = Directory.GetFiles(surface.Folder, "*.cs", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, Relative(repoRoot, f)))
            .ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithAllowUnsafe(true)
            .WithNullableContextOptions(NullableContextOptions.Disable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default);
        var compilation = CSharpCompilation.Create(name, trees, references, options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            foreach (var error in errors)
            {
                diagnostics.Add(Gate.ToGateDiagnostic(error));
            }

            return null;
        }

        var reference = MetadataReference.CreateFromImage(image.ToArray(), filePath: name + ".dll");
        _compiled[name] = reference;
        return reference;
    }

    internal static Dictionary<string, string> ReadIni(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Split('#')[0].Trim();
            var equals = line.IndexOf('=');
            if (equals > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return values;
    }

    internal static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');
}
