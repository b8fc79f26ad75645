{* Smarty template *}
{if $user}
  <p>Hello {$user}</p>
{/if}

{include file="footer.tpl"}
