package avmon.local.sfn;

/** Turns ASL text into a runnable definition, rejecting what AWS rejects. */
public interface DefinitionParser {

    StateMachineDefinition parse(String definitionJson) throws InvalidDefinitionException;
}
