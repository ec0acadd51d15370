package io.github.mlinfra.iam;

import com.pulumi.core.Output;
import io.github.mlinfra.aws.Arns;
import java.util.Objects;

/**
 * An IAM role that {@link RoleGrants} attaches grants to: a {@link ServiceRole} of this program
 * (which is a {@code RoleReference}) or an existing role imported by name or ARN, in the spirit of
 * the AWS CDK's {@code IRole} and {@code Role.fromRoleName}/{@code fromRoleArn}.
 *
 * <pre>{@code
 * RoleReference.fromName("ml-platform-execution");
 * RoleReference.fromArn("arn:aws:iam::123456789012:role/service/ml-platform-execution");
 * }</pre>
 *
 * <p>A plain name or ARN is checked when the reference is made ({@link Arns#checkRoleName},
 * {@link Arns#checkRoleArn}); an {@code Output} when it resolves. An imported role is not managed
 * here: its trust policy, boundary and other policies are its owner's.
 */
public interface RoleReference {
    /**
     * The role name (without its path), what {@code PutRolePolicy} takes.
     *
     * @return the name
     */
    Output<String> roleName();

    /**
     * An existing role, by name, checked now.
     *
     * @param name the role name (1 to 64 letters, digits and {@code + = , . @ _ -})
     * @return the reference
     * @throws io.github.mlinfra.InvalidArgsException when IAM would refuse the name
     */
    static RoleReference fromName(String name) {
        Arns.checkRoleName("RoleReference.name", name);
        return of(Output.of(name));
    }

    /**
     * An existing role, by a name known at deployment time; checked when it resolves.
     *
     * @param name the role name
     * @return the reference
     */
    static RoleReference fromName(Output<String> name) {
        Objects.requireNonNull(name, "name");
        return of(name.applyValue(n -> Arns.checkRoleName("RoleReference.name", n)));
    }

    /**
     * An existing role, by ARN (path allowed), checked now.
     *
     * @param arn the role ARN
     * @return the reference
     * @throws io.github.mlinfra.InvalidArgsException when the text is not a role ARN (an assumed-role session included)
     */
    static RoleReference fromArn(String arn) {
        return of(Output.of(Arns.roleNameOf("RoleReference.arn", arn)));
    }

    /**
     * An existing role, by an ARN known at deployment time (another stack's output, say); checked
     * when it resolves.
     *
     * @param arn the role ARN
     * @return the reference
     */
    static RoleReference fromArn(Output<String> arn) {
        Objects.requireNonNull(arn, "arn");
        return of(arn.applyValue(a -> Arns.roleNameOf("RoleReference.arn", a)));
    }

    private static RoleReference of(Output<String> name) {
        return () -> name;
    }
}
