using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoCompileGate;

/// <summary>
/// Runs the whole gate over a repository: surfaces, project files, subset rules, then a no-stdlib compile of every
/// nfproj in dependency order. Returns the diagnostics; an empty list means the device code compiles for
/// nanoFramework as far as the surfaces can tell.
/// </summary>
public static class Gate
{
    public const string SurfacesFolder = "tests/nanoframework-surfaces";

    public sealed record Result(List<GateDiagnostic> Diagnostics, List<string> CompiledProjects, int SurfaceCount);

    public static Result Run(string repoRoot, bool sync, TextWriter log)
    {
        repoRoot = Path.GetFullPath(repoRoot);
        var diagnostics = new List<GateDiagnostic>();
        var surfaces = new SurfaceSet(Path.Combine(repoRoot, SurfacesFolder), repoRoot, diagnostics);
        log.WriteLine($"surfaces: {surfaces.Surfaces.Count} assemblies ({string.Join(", ", surfaces.Surfaces.Keys.OrderBy(k => k, StringComparer.Ordinal))})");

        var projectFiles = Directory.GetFiles(Path.Combine(repoRoot, "firmware"), "*.nfproj", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var projects = projectFiles.Select(p => NanoProject.Load(p, repoRoot, diagnostics)).ToList();
        if (projects.Count == 0)
        {
            diagnostics.Add(new GateDiagnostic("firmware", 0, 0, "NFG001", "no .nfproj found under firmware/"));
        }

        if (sync)
        {
            foreach (var project in projects)
            {
                project.SyncCompileItems();
                log.WriteLine($"synced compile items of {SurfaceSet.Relative(repoRoot, project.Path)}");
            }

            // Read the rewritten files back once, so what is compiled is what is on disk.
            projects = projectFiles.Select(p => NanoProject.Load(p, repoRoot, new List<GateDiagnostic>())).ToList();
        }

        CheckVersionsAgree(projects, repoRoot, diagnostics);
        var compiled = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var done = new List<string>();
        foreach (var project in Order(projects, repoRoot, diagnostics))
        {
            if (CompileProject(project, projects, surfaces, compiled, repoRoot, diagnostics, log))
            {
                done.Add(project.AssemblyName);
            }
        }

        return new Result(diagnostics, done, surfaces.Surfaces.Count);
    }

    private static bool CompileProject(
        NanoProject project,
        List<NanoProject> all,
        SurfaceSet surfaces,
        Dictionary<string, MetadataReference> compiled,
        string repoRoot,
        List<GateDiagnostic> diagnostics,
        TextWriter log)
    {
        var relative = SurfaceSet.Relative(repoRoot, project.Path);
        var before = diagnostics.Count;

        // The nfproj must list exactly the sources on disk: a file Visual Studio does not build is a file the
        // device never runs, and a listed file that is gone breaks the Windows build.
        var onDisk = project.SourceFilesOnDisk();
        foreach (var missing in onDisk.Except(project.CompileItems, StringComparer.Ordinal))
        {
            diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG300",
                $"{missing} is not a <Compile> item (run: dotnet run --project tests/NanoCompileGate -- --sync)"));
        }

        foreach (var stale in project.CompileItems.Except(onDisk, StringComparer.Ordinal))
        {
            diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG301", $"<Compile Include=\"{stale}\"> names a file that does not exist"));
        }

        var references = new List<MetadataReference>();
        foreach (var package in project.Packages)
        {
            if (!project.PackagesConfig.TryGetValue(package.PackageId, out var pinned))
            {
                diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG302", $"{package.PackageId} is referenced but not in packages.config"));
            }
            else if (pinned != package.Version)
            {
                diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG303",
                    $"{package.Assembly} comes from {package.PackageId} {package.Version}, but packages.config pins {pinned}"));
            }

            if (!surfaces.Surfaces.TryGetValue(package.Assembly, out var surface))
            {
                // Surfaces cover only what the code uses: an assembly referenced for the package's sake (the test
                // launcher, a binding's dependencies) needs none, and code that does use it fails to compile below.
                continue;
            }

            if (!string.Equals(surface.Package, package.PackageId, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG305",
                    $"{package.Assembly} is taken from package {package.PackageId}, but its surface mirrors {surface.Package}"));
            }

            var reference = surfaces.Reference(package.Assembly);
            if (reference != null)
            {
                references.Add(reference);
            }
        }

        foreach (var path in project.ProjectReferences)
        {
            var target = all.FirstOrDefault(p => string.Equals(p.Path, path, StringComparison.Ordinal));
            if (target == null || !compiled.TryGetValue(target.AssemblyName, out var image))
            {
                diagnostics.Add(new GateDiagnostic(relative, 0, 0, "NFG306", $"project reference {SurfaceSet.Relative(repoRoot, path)} did not compile"));
                return false;
            }

            references.Add(image);
        }

        var latest = new CSharpParseOptions(LanguageVersion.Preview);
        var nano = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        var trees = new List<SyntaxTree>();
        foreach (var item in project.CompileItems.Where(i => File.Exists(Path.Combine(project.Directory, i))))
        {
            var full = Path.Combine(project.Directory, item);
            var text = File.ReadAllText(full);
            var name = SurfaceSet.Relative(repoRoot, full);
            SubsetRules.Check(CSharpSyntaxTree.ParseText(text, latest, name), diagnostics);
            trees.Add(CSharpSyntaxTree.ParseText(text, nano, name));
        }

        var options = new CSharpCompilationOptions(project.IsExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Disable)
            .WithOptimizationLevel(OptimizationLevel.Release);
        var compilation = CSharpCompilation.Create(project.AssemblyName, trees, references, options);
        using var image2 = new MemoryStream();
        var emit = compilation.Emit(image2);
        foreach (var error in emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            diagnostics.Add(ToGateDiagnostic(error));
        }

        var warnings = emit.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (emit.Success)
        {
            compiled[project.AssemblyName] = MetadataReference.CreateFromImage(image2.ToArray(), filePath: project.AssemblyName + ".dll");
        }

        var ok = emit.Success && diagnostics.Count == before;
        log.WriteLine($"{(ok ? "compiled" : "FAILED  ")} {relative} ({project.AssemblyName}, {trees.Count} files, {project.Packages.Count} package assemblies, {warnings} warnings)");
        return ok;
    }

    private static IEnumerable<NanoProject> Order(List<NanoProject> projects, string repoRoot, List<GateDiagnostic> diagnostics)
    {
        var ordered = new List<NanoProject>();
        var remaining = new List<NanoProject>(projects);
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(p => p.ProjectReferences.All(r => ordered.Any(o => o.Path == r) || !projects.Any(q => q.Path == r)));
            if (ready == null)
            {
                diagnostics.Add(new GateDiagnostic(SurfaceSet.Relative(repoRoot, remaining[0].Path), 0, 0, "NFG307", "project references form a cycle"));
                yield break;
            }

            ordered.Add(ready);
            remaining.Remove(ready);
            yield return ready;
        }
    }

    private static void CheckVersionsAgree(List<NanoProject> projects, string repoRoot, List<GateDiagnostic> diagnostics)
    {
        var pinned = new Dictionary<string, (string Version, string Project)>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in projects)
        {
            foreach (var (id, version) in project.PackagesConfig)
            {
                if (pinned.TryGetValue(id, out var other) && other.Version != version)
                {
                    diagnostics.Add(new GateDiagnostic(SurfaceSet.Relative(repoRoot, Path.Combine(project.Directory, "packages.config")), 0, 0, "NFG308",
                        $"{id} {version} here but {other.Version} in {other.Project}: one firmware image has one version of each package"));
                }
                else
                {
                    pinned[id] = (version, SurfaceSet.Relative(repoRoot, project.Path));
                }
            }
        }
    }

    internal static GateDiagnostic ToGateDiagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var file = span.Path;
        if (string.IsNullOrEmpty(file))
        {
            return new GateDiagnostic("(compilation)", 0, 0, diagnostic.Id, diagnostic.GetMessage());
        }

        return new GateDiagnostic(file, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Id, diagnostic.GetMessage());
    }
}
