using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoCompileGate;

/// <summary>
/// Rejects what the nanoFramework 1.x runtime cannot run even where Roslyn would compile it. Above all generics:
/// a generic type of the project's own compiles, but the 1.x runtime crashes loading the assembly. The tree is
/// parsed at the newest language version so that a record or a tuple gets a clear message rather than a parse error.
/// </summary>
public sealed class SubsetRules : CSharpSyntaxWalker
{
    private readonly List<GateDiagnostic> _diagnostics;
    private readonly string _file;

    private SubsetRules(string file, List<GateDiagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    public static void Check(SyntaxTree tree, List<GateDiagnostic> diagnostics) =>
        new SubsetRules(tree.FilePath, diagnostics).Visit(tree.GetRoot());

    private void Report(SyntaxNode node, string code, string message)
    {
        var position = node.GetLocation().GetLineSpan().StartLinePosition;
        _diagnostics.Add(new GateDiagnostic(_file, position.Line + 1, position.Character + 1, code, message));
    }

    public override void VisitTypeParameterList(TypeParameterListSyntax node)
    {
        var owner = node.Parent switch
        {
            MethodDeclarationSyntax m => $"method '{m.Identifier.Text}'",
            LocalFunctionStatementSyntax l => $"local function '{l.Identifier.Text}'",
            DelegateDeclarationSyntax d => $"delegate '{d.Identifier.Text}'",
            BaseTypeDeclarationSyntax t => $"type '{t.Identifier.Text}'",
            _ => "declaration",
        };
        Report(node, "NFS001", $"generic {owner}{node}: nanoFramework 1.x has no generics (the runtime cannot load the assembly)");
        base.VisitTypeParameterList(node);
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        Report(node, "NFS002", $"generic type or method '{node}': nanoFramework 1.x has no generics");
        base.VisitGenericName(node);
    }

    public override void VisitNullableType(NullableTypeSyntax node)
    {
        Report(node, "NFS003", $"nullable type '{node}': nanoFramework 1.x has no Nullable<T>");
        base.VisitNullableType(node);
    }

    public override void VisitQueryExpression(QueryExpressionSyntax node)
    {
        Report(node, "NFS004", "LINQ query: nanoFramework has no LINQ");
        base.VisitQueryExpression(node);
    }

    public override void VisitUsingDirective(UsingDirectiveSyntax node)
    {
        var name = node.Name?.ToString();
        if (name is "System.Linq" or "System.Threading.Tasks" or "System.Collections.Generic")
        {
            Report(node, "NFS005", $"'using {name}': not available on nanoFramework 1.x");
        }

        base.VisitUsingDirective(node);
    }

    public override void VisitAwaitExpression(AwaitExpressionSyntax node)
    {
        Report(node, "NFS006", "await: nanoFramework has no Task/async");
        base.VisitAwaitExpression(node);
    }

    public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        CheckAsync(node, node.Modifiers);
        base.VisitMethodDeclaration(node);
    }

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        CheckAsync(node, node.Modifiers);
        base.VisitParenthesizedLambdaExpression(node);
    }

    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        CheckAsync(node, node.Modifiers);
        base.VisitSimpleLambdaExpression(node);
    }

    private void CheckAsync(SyntaxNode node, SyntaxTokenList modifiers)
    {
        if (modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            Report(node, "NFS006", "async: nanoFramework has no Task/async");
        }
    }

    public override void VisitTupleType(TupleTypeSyntax node)
    {
        Report(node, "NFS007", $"tuple type '{node}': nanoFramework has no ValueTuple");
        base.VisitTupleType(node);
    }

    public override void VisitTupleExpression(TupleExpressionSyntax node)
    {
        Report(node, "NFS007", $"tuple '{node}': nanoFramework has no ValueTuple");
        base.VisitTupleExpression(node);
    }

    public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
    {
        Report(node, "NFS008", $"record '{node.Identifier.Text}': records are not supported on nanoFramework");
        base.VisitRecordDeclaration(node);
    }

    public override void VisitPredefinedType(PredefinedTypeSyntax node)
    {
        if (node.Keyword.IsKind(SyntaxKind.DecimalKeyword))
        {
            Report(node, "NFS009", "decimal: nanoFramework has no System.Decimal; use float or scaled integers");
        }

        base.VisitPredefinedType(node);
    }

    public override void VisitLiteralExpression(LiteralExpressionSyntax node)
    {
        var text = node.Token.Text;
        if (node.IsKind(SyntaxKind.NumericLiteralExpression) && (text.EndsWith('m') || text.EndsWith('M')))
        {
            Report(node, "NFS009", $"decimal literal '{text}': nanoFramework has no System.Decimal");
        }

        base.VisitLiteralExpression(node);
    }
}
