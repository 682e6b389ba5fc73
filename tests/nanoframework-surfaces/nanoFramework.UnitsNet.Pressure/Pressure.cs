// Surface of UnitsNet.Pressure (package nanoFramework.UnitsNet.Pressure 5.76.15, assembly nanoFramework.UnitsNet.Pressure.dll in
// lib\netnano1.0\). Checked against nanoframework/nanoFramework.UnitsNet:
// - nanoFramework.UnitsNet/GeneratedCode/Pressure/Pressure.nfproj @ d82a56c0304b11e301224b651b50a8f183d82e6d
//   (AssemblyName nanoFramework.UnitsNet.Pressure, RootNamespace UnitsNet, CoreLibrary 1.17.11; compiles the generated
//   ..\Quantities\Pressure.g.cs and ..\Units\PressureUnit.g.cs, which are produced at build time and not in the repository);
// - nanoFramework.UnitsNet/GeneratedCode/Pressure/Pressure.nuspec @ 0be83b1bcefa34a6ed6e47162154d07ce200debf
//   (id nanoFramework.UnitsNet.Pressure, bin\Release\nanoFramework.UnitsNet.Pressure.* packed to lib\netnano1.0; the package also depends on
//   nanoFramework.System.Math 1.5.116, which this surface does not need).
// - nanoFramework.CodeGen/Generators/NanoFrameworkGen/QuantityGenerator.cs @ d878b955ec2fb26892a91bc7415933c9fb86e02e
//   (namespace UnitsNet; `public struct Pressure` (not readonly) with private readonly double _value and PressureUnit _unit;
//   one get-only `public double <PluralName> => As(PressureUnit.<SingularName>)` per unit);
// - the unit definition it generates from, angularsen/UnitsNet (submodule) Common/UnitDefinitions/Pressure.json
//   @ 050dc490836537c2fd09266cad149ae56b080792 (unit Pascal with prefix Hecto: SingularName Hectopascal, PluralName Hectopascals).
// The private field stands for the real struct's fields so that definite-assignment rules match; PressureUnit (namespace
// UnitsNet.Units) and the other members are left out.
namespace UnitsNet
{
    public struct Pressure
    {
        private readonly double _value;

        public double Hectopascals { get { throw null; } }
    }
}
