using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CrossBorderConsumerCenter.UnitTests.Architecture;

/// <summary>One type of the assembly using another type of the same assembly.</summary>
public sealed record TypeUse(string User, string? UserFile, string Used);

/// <summary>
/// Every use of one of an assembly's own types by another, read from the compiled metadata: base types,
/// interfaces, generic constraints, the signatures of fields, methods, properties and events, attributes,
/// and the method bodies (every type, method and field token in the IL, local variables, caught exceptions).
/// Nested types (lambdas, async state machines, iterators) count as their outermost type. Constants and
/// <c>nameof</c> leave nothing behind in the IL; the source scan beside this covers those.
/// </summary>
public static class TypeUses
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => opCode.Value, opCode => opCode.OperandType);

    public static IReadOnlyList<TypeUse> Read(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        var files = SourceFiles(Path.ChangeExtension(assemblyPath, ".pdb"), md);
        var uses = new HashSet<TypeUse>();
        var topLevelNames = md.TypeDefinitions
            .Where(handle => md.GetTypeDefinition(handle).GetDeclaringType().IsNil)
            .Select(handle => (handle, FullName(md, handle)))
            .ToList();

        foreach (var typeHandle in md.TypeDefinitions)
        {
            var user = Outermost(md, typeHandle);
            var collector = new Collector(md, topLevelNames);
            CollectFromType(md, pe, typeHandle, collector);
            foreach (var used in collector.Used.Select(handle => Outermost(md, handle)).Where(used => used != user))
            {
                uses.Add(new TypeUse(FullName(md, user), files.GetValueOrDefault(user), FullName(md, used)));
            }
        }

        return [.. uses.OrderBy(use => use.User, StringComparer.Ordinal).ThenBy(use => use.Used, StringComparer.Ordinal)];
    }

    /// <summary>The names of the assemblies it references.</summary>
    public static IReadOnlyList<string> AssemblyReferences(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        return [.. md.AssemblyReferences.Select(handle => md.GetString(md.GetAssemblyReference(handle).Name))];
    }

    public static string FullName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var name = md.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullName(md, declaring) + "+" + name;
        }

        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static TypeDefinitionHandle Outermost(MetadataReader md, TypeDefinitionHandle handle)
    {
        for (var declaring = md.GetTypeDefinition(handle).GetDeclaringType(); !declaring.IsNil; declaring = md.GetTypeDefinition(handle).GetDeclaringType())
        {
            handle = declaring;
        }

        return handle;
    }

    private static void CollectFromType(MetadataReader md, PEReader pe, TypeDefinitionHandle handle, Collector collector)
    {
        var type = md.GetTypeDefinition(handle);
        collector.Entity(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            collector.Entity(md.GetInterfaceImplementation(implementation).Interface);
        }

        collector.GenericParameters(type.GetGenericParameters());
        collector.Attributes(type.GetCustomAttributes());

        foreach (var fieldHandle in type.GetFields())
        {
            var field = md.GetFieldDefinition(fieldHandle);
            field.DecodeSignature(collector, null);
            collector.Attributes(field.GetCustomAttributes());
        }

        foreach (var propertyHandle in type.GetProperties())
        {
            var property = md.GetPropertyDefinition(propertyHandle);
            property.DecodeSignature(collector, null);
            collector.Attributes(property.GetCustomAttributes());
        }

        foreach (var eventHandle in type.GetEvents())
        {
            var @event = md.GetEventDefinition(eventHandle);
            collector.Entity(@event.Type);
            collector.Attributes(@event.GetCustomAttributes());
        }

        foreach (var methodHandle in type.GetMethods())
        {
            var method = md.GetMethodDefinition(methodHandle);
            method.DecodeSignature(collector, null);
            collector.Attributes(method.GetCustomAttributes());
            collector.GenericParameters(method.GetGenericParameters());
            foreach (var parameter in method.GetParameters())
            {
                collector.Attributes(md.GetParameter(parameter).GetCustomAttributes());
            }

            if (method.RelativeVirtualAddress != 0)
            {
                CollectFromBody(md, pe.GetMethodBody(method.RelativeVirtualAddress), collector);
            }
        }

        foreach (var implementation in type.GetMethodImplementations())
        {
            collector.Entity(md.GetMethodImplementation(implementation).MethodDeclaration);
        }
    }

    private static void CollectFromBody(MetadataReader md, MethodBodyBlock body, Collector collector)
    {
        if (!body.LocalSignature.IsNil)
        {
            md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(collector, null);
        }

        foreach (var region in body.ExceptionRegions)
        {
            collector.Entity(region.CatchType);
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il.ReadByte());
            }

            switch (OperandTypes[value])
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    collector.Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSig:
                    var signature = md.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(il.ReadInt32()));
                    signature.DecodeMethodSignature(collector, null);
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.InlineString:
                case OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    throw new InvalidOperationException($"Unknown operand type of IL opcode 0x{value:X4}.");
            }
        }
    }

    /// <summary>The source file of each top-level type (where its first method with code is), from the portable PDB.</summary>
    private static Dictionary<TypeDefinitionHandle, string> SourceFiles(string pdbPath, MetadataReader md)
    {
        var files = new Dictionary<TypeDefinitionHandle, string>();
        if (!File.Exists(pdbPath))
        {
            return files;
        }

        using var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath));
        var pdb = provider.GetMetadataReader();
        foreach (var methodHandle in md.MethodDefinitions)
        {
            var owner = Outermost(md, md.GetMethodDefinition(methodHandle).GetDeclaringType());
            if (files.ContainsKey(owner))
            {
                continue;
            }

            var points = pdb.GetMethodDebugInformation(methodHandle).GetSequencePoints().Where(point => !point.IsHidden);
            if (points.FirstOrDefault() is { Document.IsNil: false } first)
            {
                files[owner] = pdb.GetString(pdb.GetDocument(first.Document).Name);
            }
        }

        return files;
    }

    /// <summary>Decodes signatures and tokens, keeping every type definition of the assembly it meets.</summary>
    private sealed class Collector(MetadataReader md, IReadOnlyList<(TypeDefinitionHandle Handle, string FullName)> topLevelNames)
        : ISignatureTypeProvider<object?, object?>
    {
        public HashSet<TypeDefinitionHandle> Used { get; } = [];

        public void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Used.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    Used.Add(md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    Used.Add(md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MethodSpecification:
                    var specification = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                default:
                    break;
            }
        }

        public void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var parameterHandle in parameters)
            {
                var parameter = md.GetGenericParameter(parameterHandle);
                Attributes(parameter.GetCustomAttributes());
                foreach (var constraint in parameter.GetConstraints())
                {
                    Entity(md.GetGenericParameterConstraint(constraint).Type);
                }
            }
        }

        /// <summary>
        /// The attribute's constructor, and the types its arguments name (<c>typeof</c>, enum values), which the
        /// metadata keeps as serialized type names.
        /// </summary>
        public void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var attributeHandle in attributes)
            {
                var attribute = md.GetCustomAttribute(attributeHandle);
                Entity(attribute.Constructor);
                var text = System.Text.Encoding.UTF8.GetString(md.GetBlobBytes(attribute.Value));
                foreach (var (handle, fullName) in topLevelNames)
                {
                    if (text.Contains(fullName + ",", StringComparison.Ordinal) || text.Contains(fullName + "+", StringComparison.Ordinal))
                    {
                        Used.Add(handle);
                    }
                }
            }
        }

        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Used.Add(handle);
            return null;
        }

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

        public object? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
            return null;
        }

        public object? GetArrayType(object? elementType, ArrayShape shape) => null;
        public object? GetByReferenceType(object? elementType) => null;
        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;
        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;
        public object? GetGenericMethodParameter(object? genericContext, int index) => null;
        public object? GetGenericTypeParameter(object? genericContext, int index) => null;
        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;
        public object? GetPinnedType(object? elementType) => null;
        public object? GetPointerType(object? elementType) => null;
        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        public object? GetSZArrayType(object? elementType) => null;
    }
}
